package dev.ore.publisher.publishing.boundary;

import dev.ore.publisher.distribution.entity.ContentDistribution;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.publishing.control.PublishAttempt;
import dev.ore.publisher.publishing.control.RecoveredClaim;
import dev.ore.publisher.publishing.control.Verdict;
import dev.ore.publisher.publishing.control.Settlements;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Records what a chunk's publish calls came to: every transition and its audit row in one
 * transaction. A distribution this node no longer holds (its lease was recovered elsewhere) is
 * left to whoever holds it now.
 */
@Stateless
public class Outcomes {

    private static final Logger LOG = Logger.getLogger(Outcomes.class.getName());

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Inject
    Settlements settlements;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String node, List<PublishAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<UUID, ContentDistribution> held = lock(attempts.stream().map(a -> a.task().distributionId()).toList());
        Set<UUID> accountsUsed = new HashSet<>();
        for (PublishAttempt attempt : attempts) {
            ContentDistribution distribution = held.get(attempt.task().distributionId());
            if (distribution == null || !distribution.isClaimedBy(node)) {
                LOG.warning(() -> "Not recording " + attempt.outcome().getClass().getSimpleName() + " for "
                        + attempt.task() + ": this node no longer holds its claim");
                continue;
            }
            settlements.settle(distribution, attempt, now);
            if (postExists(attempt) && attempt.task().accountId() != null) {
                accountsUsed.add(attempt.task().accountId());
            }
        }
        settlements.accountsUsed(accountsUsed, now);
    }

    /** Settles a distribution read back after its outcome was unknown, if this node still holds it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRecovered(String node, RecoveredClaim claim, Verdict verdict) {
        ContentDistribution distribution = lock(List.of(claim.task().distributionId())).get(claim.task().distributionId());
        if (distribution == null || !distribution.isClaimedBy(node)) {
            LOG.warning(() -> "Not settling recovered " + claim.task() + ": this node no longer holds its claim");
            return;
        }
        Instant now = Instant.now();
        settlements.settleRecovered(distribution, claim, verdict, now);
        if (verdict instanceof Verdict.Found && claim.task().accountId() != null) {
            settlements.accountsUsed(Set.of(claim.task().accountId()), now);
        }
    }

    private static boolean postExists(PublishAttempt attempt) {
        return attempt.outcome() instanceof PublishOutcome.Published || attempt.verdict() instanceof Verdict.Found;
    }

    /** Locks in id order, as every statement that locks several distributions does, so that two never deadlock. */
    private Map<UUID, ContentDistribution> lock(List<UUID> ids) {
        return em.createQuery("SELECT d FROM ContentDistribution d WHERE d.id IN :ids ORDER BY d.id", ContentDistribution.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .collect(Collectors.toMap(ContentDistribution::getId, Function.identity()));
    }
}
