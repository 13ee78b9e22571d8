package dev.ore.publisher.publishing.control;

import dev.ore.publisher.publishing.boundary.Claims;
import dev.ore.publisher.publishing.boundary.Outcomes;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The job's first step: settles every distribution left PUBLISHING by a node that died (its
 * lease ended on the database clock) before anything new is claimed. Each one is taken over in a
 * short transaction, read back from its platform with no transaction open, and settled in its own
 * transaction only if this node still holds it: found → PUBLISHED with the found id, not found →
 * the retry path, cannot tell → UNKNOWN_OUTCOME. Live leases are never touched.
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

    private volatile boolean stopped;

    @Override
    public String process() {
        int recovered = 0;
        try {
            List<RecoveredClaim> page;
            while (!stopped && !(page = claims.takeOverExpired(node.name(), Integer.parseInt(pageSize),
                    Duration.parse(lease))).isEmpty()) {
                for (RecoveredClaim claim : page) {
                    outcomes.recordRecovered(node.name(), claim, reconciliation.check(claim.task(), claim.attemptedAt()));
                }
                recovered += page.size();
            }
        } catch (RuntimeException e) {
            throw new PublishingFailure("recovering expired leases failed", e);
        }
        if (recovered > 0) {
            int count = recovered;
            LOG.info(() -> "Reconciled " + count + " distributions whose lease expired");
        }
        return BatchStatus.COMPLETED.name();
    }

    /** Rows taken over but not yet settled keep their fresh lease and are recovered again after it. */
    @Override
    public void stop() {
        stopped = true;
    }
}
