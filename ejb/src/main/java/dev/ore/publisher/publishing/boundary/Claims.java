package dev.ore.publisher.publishing.boundary;

import dev.ore.publisher.account.entity.AccountStatus;
import dev.ore.publisher.platform.entity.Platform;
import dev.ore.publisher.publishing.control.PublishTask;
import dev.ore.publisher.publishing.control.RecoveredClaim;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Claims due distributions for this node, safely with any number of nodes on one database: rows
 * are picked with {@code FOR UPDATE SKIP LOCKED}, so two claimers never take the same row, and
 * the claim (status, node, lease, attempt) commits in its own short transaction before anything
 * is published.
 */
@Stateless
public class Claims {

    private static final String ANY_DUE = """
            SELECT EXISTS (SELECT 1 FROM content_distribution
                            WHERE status IN ('SCHEDULED', 'RETRY_SCHEDULED') AND next_attempt_at <= now())
                OR EXISTS (SELECT 1 FROM content_distribution WHERE status = 'PUBLISHING' AND lease_until < now())
            """;

    /*
     * Takes over PUBLISHING rows whose lease ended on the database clock: their node died. The
     * attempt is not counted again (the dead node counted it); the old modified_on_utc is when
     * that node claimed it, the start of the matching window.
     */
    private static final String TAKE_OVER_EXPIRED = """
            WITH expired AS (
                SELECT id, modified_on_utc AS claimed_at FROM content_distribution
                 WHERE status = 'PUBLISHING' AND lease_until < now()
                 ORDER BY lease_until
                 LIMIT ?1
                   FOR UPDATE SKIP LOCKED
            ), taken AS (
                UPDATE content_distribution d
                   SET claimed_by = ?2, lease_until = now() + make_interval(secs => ?3),
                       modified_on_utc = now(), version = d.version + 1
                  FROM expired
                 WHERE d.id = expired.id
                RETURNING d.id, d.team_id, d.platform, d.attempt_count, d.content_id, d.account_id, expired.claimed_at
            )
            SELECT c.id, c.team_id, c.platform, c.attempt_count, t.title, t.body, t.hashtags, t.link_url,
                   a.id, a.status, a.external_account_id, a.access_token, a.expires_at, c.claimed_at
              FROM taken c
              JOIN content t ON t.id = c.content_id
              LEFT JOIN social_media_account a
                     ON a.id = c.account_id
                     OR (c.account_id IS NULL AND a.team_id = c.team_id AND a.platform = c.platform
                         AND a.status <> 'DISCONNECTED')
            """;

    private static final String CLAIM_DUE = """
            WITH due AS (
                SELECT id FROM content_distribution
                 WHERE status IN ('SCHEDULED', 'RETRY_SCHEDULED') AND next_attempt_at <= now()
                 ORDER BY next_attempt_at
                 LIMIT ?1
                   FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE content_distribution d
                   SET status = 'PUBLISHING', claimed_by = ?2, lease_until = now() + make_interval(secs => ?3),
                       attempt_count = d.attempt_count + 1, modified_on_utc = now(), version = d.version + 1
                  FROM due
                 WHERE d.id = due.id
                RETURNING d.id, d.team_id, d.platform, d.attempt_count, d.content_id, d.account_id
            )
            SELECT c.id, c.team_id, c.platform, c.attempt_count, t.title, t.body, t.hashtags, t.link_url,
                   a.id, a.status, a.external_account_id, a.access_token, a.expires_at
              FROM claimed c
              JOIN content t ON t.id = c.content_id
              LEFT JOIN social_media_account a
                     ON a.id = c.account_id
                     OR (c.account_id IS NULL AND a.team_id = c.team_id AND a.platform = c.platform
                         AND a.status <> 'DISCONNECTED')
            """;

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    /** A cheap, indexed look on the database clock: is anything due now? */
    public boolean anyDue() {
        return (Boolean) em.createNativeQuery(ANY_DUE).getSingleResult();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<PublishTask> claimDue(String node, int limit, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIM_DUE)
                .setParameter(1, limit)
                .setParameter(2, node)
                .setParameter(3, (double) lease.toSeconds())
                .getResultList();
        return rows.stream().map(Claims::task).toList();
    }

    /**
     * Takes over up to {@code limit} distributions whose lease expired, for reconciliation: they
     * are now this node's, with a fresh lease, so no other node reconciles them at the same time.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<RecoveredClaim> takeOverExpired(String node, int limit, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(TAKE_OVER_EXPIRED)
                .setParameter(1, limit)
                .setParameter(2, node)
                .setParameter(3, (double) lease.toSeconds())
                .getResultList();
        return rows.stream().map(row -> new RecoveredClaim(task(row), instant(row[13]))).toList();
    }

    /**
     * Gives back claims this node took but never sent (a stopping step's unread page): back to
     * their claimable state, due now, the attempt returned. Only rows this node still holds.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int release(String node, List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                UPDATE content_distribution
                   SET status = CASE WHEN attempt_count > 1 THEN 'RETRY_SCHEDULED' ELSE 'SCHEDULED' END,
                       attempt_count = attempt_count - 1, claimed_by = NULL, lease_until = NULL,
                       next_attempt_at = now(), modified_on_utc = now(), version = version + 1
                 WHERE id = ANY(CAST(?1 AS uuid[])) AND status = 'PUBLISHING' AND claimed_by = ?2
                """)
                .setParameter(1, ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .setParameter(2, node)
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    private static PublishTask task(Object[] row) {
        return new PublishTask((UUID) row[0], (UUID) row[1], Platform.valueOf((String) row[2]),
                ((Number) row[3]).intValue(), (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                (UUID) row[8], row[9] == null ? null : AccountStatus.valueOf((String) row[9]), (String) row[10],
                (String) row[11], instant(row[12]));
    }
}
