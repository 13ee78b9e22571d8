package dev.ore.publisher.publishing.control;

import dev.ore.publisher.publishing.boundary.Claims;
import dev.ore.publisher.publishing.boundary.Outcomes;
import dev.ore.publisher.publishing.control.RecoveredClaim.Why;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Settles every distribution whose outcome is unknown before anything new is claimed: those left
 * PUBLISHING by a node that died (its lease ended on the database clock), then those whose
 * re-check is due. Each page is taken over in a short transaction, read back from its platform
 * with no transaction open, and each row settled in its own transaction only if this node still
 * holds it: found → PUBLISHED with the found id, not found → read back again later or, after the
 * last re-check, the retry path; cannot tell → UNKNOWN_OUTCOME. Live leases are never touched.
 * The first step of the publishing job, and the only step of the reconciliation job.
 */
@Named
@Dependent
public class ExpiredLeaseRecovery extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ExpiredLeaseRecovery.class.getName());

    @Inject
    @BatchProperty
    String pageSize;

    @Inject
    @BatchProperty
    String lease;

    @Inject
    Claims claims;

    @Inject
    Outcomes outcomes;

    @Inject
    Reconciliation reconciliation;

    @Inject
    NodeIdentity node;

    @Inject
    HeldClaims held;

    private volatile boolean stopped;

    @Override
    public String process() {
        int limit = Integer.parseInt(pageSize);
        Duration leaseLength = Duration.parse(lease);
        try {
            int expired = settleAll(Why.LEASE_EXPIRED, () -> claims.takeOverExpired(node.name(), limit, leaseLength));
            int rechecked = settleAll(Why.RECHECK, () -> claims.claimRechecks(node.name(), limit, leaseLength));
            if (expired + rechecked > 0) {
                LOG.info(() -> "Read back " + expired + " distributions whose lease expired and " + rechecked
                        + " due for a re-check");
            }
        } catch (RuntimeException e) {
            throw new PublishingFailure("reconciling distributions with an unknown outcome failed", e);
        }
        return BatchStatus.COMPLETED.name();
    }

    private int settleAll(Why why, Supplier<List<PublishTask>> nextPage) {
        int settled = 0;
        List<PublishTask> page;
        while (!stopped && !(page = nextPage.get()).isEmpty()) {
            List<UUID> ids = page.stream().map(PublishTask::distributionId).toList();
            held.hold(ids);
            try {
                for (PublishTask task : page) {
                    outcomes.recordRecovered(node.name(), new RecoveredClaim(task, why),
                            reconciliation.check(task, task.attemptedAt()));
                }
            } finally {
                held.letGo(ids);
            }
            settled += page.size();
        }
        return settled;
    }

    /** Rows taken over but not yet settled are let go of, and recovered again after their lease. */
    @Override
    public void stop() {
        stopped = true;
    }
}
