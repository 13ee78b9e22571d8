package dev.ore.publisher.publishing.boundary;

import dev.ore.publisher.audit.control.AuditTrail;
import dev.ore.publisher.audit.entity.AuditEntry;
import dev.ore.publisher.distribution.entity.ContentDistribution;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.publishing.control.PublishAttempt;
import dev.ore.publisher.publishing.control.RecoveredClaim;
import dev.ore.publisher.publishing.control.SettledDistributions;
import dev.ore.publisher.publishing.control.Settlements;
import dev.ore.publisher.publishing.control.Verdict;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Records what a chunk's publish calls came to: every transition and its audit row in one
 * transaction, written for the whole chunk at once. A distribution this node no longer holds (its
 * lease was recovered elsewhere) is left to whoever holds it now.
 */
@Stateless
public class Outcomes {

    private static final Logger LOG = Logger.getLogger(Outcomes.class.getName());

    @Inject
    SettledDistributions distributions;

    @Inject
    Settlements settlements;

    @Inject
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String node, List<PublishAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<UUID, ContentDistribution> held = distributions.lock(attempts.stream()
                .map(a -> a.task().distributionId()).toList());
        List<ContentDistribution> settled = new ArrayList<>();
        List<AuditEntry> auditRows = new ArrayList<>();
        Set<UUID> accountsUsed = new HashSet<>();
        for (PublishAttempt attempt : attempts) {
            ContentDistribution distribution = held.get(attempt.task().distributionId());
            if (distribution == null || !distribution.isClaimedBy(node)) {
                LOG.warning(() -> "Not recording " + attempt.outcome().getClass().getSimpleName() + " for "
                        + attempt.task() + ": this node no longer holds its claim");
                continue;
            }
            auditRows.add(settlements.settle(distribution, attempt, now));
            settled.add(distribution);
            if (postExists(attempt) && attempt.task().accountId() != null) {
                accountsUsed.add(attempt.task().accountId());
            }
        }
        distributions.save(settled);
        audit.recordAll(auditRows);
        settlements.accountsUsed(accountsUsed, now);
    }

    /** Settles a distribution read back after its outcome was unknown, if this node still holds it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRecovered(String node, RecoveredClaim claim, Verdict verdict) {
        UUID id = claim.task().distributionId();
        ContentDistribution distribution = distributions.lock(List.of(id)).get(id);
        if (distribution == null || !distribution.isClaimedBy(node)) {
            LOG.warning(() -> "Not settling recovered " + claim.task() + ": this node no longer holds its claim");
            return;
        }
        Instant now = Instant.now();
        AuditEntry auditRow = settlements.settleRecovered(distribution, claim, verdict, now);
        distributions.save(List.of(distribution));
        audit.recordAll(List.of(auditRow));
        if (verdict instanceof Verdict.Found && claim.task().accountId() != null) {
            settlements.accountsUsed(Set.of(claim.task().accountId()), now);
        }
    }

    private static boolean postExists(PublishAttempt attempt) {
        return attempt.outcome() instanceof PublishOutcome.Published || attempt.verdict() instanceof Verdict.Found;
    }
}
