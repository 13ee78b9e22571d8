package dev.ore.publisher.distribution.control;

import dev.ore.publisher.distribution.boundary.Schedule.Idempotency;
import dev.ore.publisher.distribution.entity.IdempotencyKey;
import dev.ore.publisher.problem.boundary.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes scheduling idempotent per team and key. The key row is inserted first, in the caller's
 * transaction: a second request with the same key waits on that row until the first commits,
 * then sees what it created.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final String CLAIM = """
            INSERT INTO idempotency_key (team_id, idempotency_key, request_hash)
            VALUES (?1, ?2, ?3)
            ON CONFLICT (team_id, idempotency_key) DO NOTHING
            """;

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    /**
     * @return the distributions an earlier request with this key created, or empty when this
     *         request is the first (or carries no key)
     * @throws Refusal a conflict when the key was used with a different request
     */
    public Optional<List<UUID>> claim(UUID teamId, Idempotency idempotency) {
        if (idempotency == null) {
            return Optional.empty();
        }
        int inserted = em.createNativeQuery(CLAIM)
                .setParameter(1, teamId)
                .setParameter(2, idempotency.key())
                .setParameter(3, idempotency.requestHash())
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        IdempotencyKey earlier = em.find(IdempotencyKey.class, new IdempotencyKey.Id(teamId, idempotency.key()));
        if (!earlier.getRequestHash().equals(idempotency.requestHash())) {
            throw Refusal.conflict("Idempotency-Key '" + idempotency.key()
                    + "' was already used with a different request");
        }
        return Optional.of(earlier.distributionIds());
    }

    /** Keys are kept at least {@code retention}; older ones are forgotten. @return how many */
    public int forgetOlderThan(java.time.Duration retention) {
        return em.createNativeQuery("DELETE FROM idempotency_key WHERE created_on_utc < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) retention.toSeconds())
                .executeUpdate();
    }

    public void remember(UUID teamId, Idempotency idempotency, List<UUID> distributionIds) {
        if (idempotency != null) {
            em.find(IdempotencyKey.class, new IdempotencyKey.Id(teamId, idempotency.key())).remember(distributionIds);
        }
    }
}
