package dev.ore.publisher.publishing.boundary;

import dev.ore.publisher.account.entity.AccountStatus;
import dev.ore.publisher.platform.entity.Platform;
import dev.ore.publisher.publishing.control.PublishTask;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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
            """;

    private static final String ANY_TO_RECONCILE = """
            SELECT EXISTS (SELECT 1 FROM content_distribution WHERE status = 'PUBLISHING' AND lease_until < now())
                OR EXISTS (SELECT 1 FROM content_distribution
                            WHERE status = 'RECHECK_SCHEDULED' AND next_attempt_at <= now())
            """;

    /*
     * What a claim hands on, read in the claim's statement from the rows it updated (CTE "taken"):
     * the distribution, its content, and the account it publishes with: its own, or else the team's
     * connected account for the platform (at most one: social_media_account_connected_uq). One
     * index lookup per row either way; a join on "own OR connected" compared every claimed row
     * with every account.
     */
    private static final String TASK = """
            SELECT c.id, c.team_id, c.platform, c.attempt_count, t.title, t.body, t.hashtags, t.link_url,
                   a.id, a.status, a.external_account_id, a.access_token, a.expires_at, c.attempted_at
              FROM taken c
              JOIN content t ON t.id = c.content_id
              LEFT JOIN LATERAL (
                    SELECT own.id, own.status, own.external_account_id, own.access_token, own.expires_at
                      FROM social_media_account own
                     WHERE own.id = c.account_id
                    UNION ALL
                    SELECT team.id, team.status, team.external_account_id, team.access_token, team.expires_at
                      FROM social_media_account team
                     WHERE c.account_id IS NULL AND team.team_id = c.team_id AND team.platform = c.platform
                       AND team.status <> 'DISCONNECTED'
              ) a ON true
            """;

    private static final String TAKEN_COLUMNS =
            "RETURNING d.id, d.team_id, d.platform, d.attempt_count, d.content_id, d.account_id, d.attempted_at\n";

    /* A new attempt: counted, and the anchor of any later read-back is now. */
    private static final String CLAIM_DUE = """
            WITH due AS (
                SELECT id FROM content_distribution
                 WHERE status IN ('SCHEDULED', 'RETRY_SCHEDULED') AND next_attempt_at <= now()
                 ORDER BY next_attempt_at
                 LIMIT ?1
                   FOR UPDATE SKIP LOCKED
            ), taken AS (
                UPDATE content_distribution d
                   SET status = 'PUBLISHING', claimed_by = ?2, lease_until = now() + make_interval(secs => ?3),
                       attempt_count = d.attempt_count + 1, attempted_at = now(), read_back_count = 0,
                       modified_on_utc = now(), version = d.version + 1
                  FROM due
                 WHERE d.id = due.id
            """ + TAKEN_COLUMNS + ")\n" + TASK;

    /*
     * PUBLISHING rows whose lease ended on the database clock: their node died. The attempt is
     * not counted again (the dead node counted it). Rows claimed before attempted_at existed use
     * the claim's modified_on_utc.
     */
    private static final String TAKE_OVER_EXPIRED = """
            WITH expired AS (
                SELECT id FROM content_distribution
                 WHERE status = 'PUBLISHING' AND lease_until < now()
                 ORDER BY lease_until
                 LIMIT ?1
                   FOR UPDATE SKIP LOCKED
            ), taken AS (
                UPDATE content_distribution d
                   SET claimed_by = ?2, lease_until = now() + make_interval(secs => ?3),
                       attempted_at = COALESCE(d.attempted_at, d.modified_on_utc),
                       modified_on_utc = now(), version = d.version + 1
                  FROM expired
                 WHERE d.id = expired.id
            """ + TAKEN_COLUMNS + ")\n" + TASK;

    /* Re-checks that are due: held under a lease while read back; nothing is sent. */
    private static final String CLAIM_RECHECKS = """
            WITH due AS (
                SELECT id FROM content_distribution
                 WHERE status = 'RECHECK_SCHEDULED' AND next_attempt_at <= now()
                 ORDER BY next_attempt_at
                 LIMIT ?1
                   FOR UPDATE SKIP LOCKED
            ), taken AS (
                UPDATE content_distribution d
                   SET status = 'PUBLISHING', claimed_by = ?2, lease_until = now() + make_interval(secs => ?3),
                       modified_on_utc = now(), version = d.version + 1
                  FROM due
                 WHERE d.id = due.id
            """ + TAKEN_COLUMNS + ")\n" + TASK;

    /**
     * Skips rows locked by someone else: a chunk settling them (its lease no longer matters), or a
     * recovery taking them over. Waiting instead deadlocked with a chunk's settlement, which locks
     * its 50 rows while the renewal locked all the node's held rows in another order (seen under
     * load in the benchmark: the settlement rolled back and its posts were left to the read-back).
     */
    private static final String RENEW = """
            UPDATE content_distribution d SET lease_until = now() + make_interval(secs => ?3)
              FROM (SELECT id FROM content_distribution
                     WHERE id = ANY(CAST(?1 AS uuid[])) AND status = 'PUBLISHING' AND claimed_by = ?2
                     ORDER BY id FOR UPDATE SKIP LOCKED) held
             WHERE d.id = held.id
            """;

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    /** A cheap, indexed look on the database clock: is anything due now? */
    public boolean anyDue() {
        return (Boolean) em.createNativeQuery(ANY_DUE).getSingleResult();
    }

    /** Is any lease expired, or any re-check due (on the database clock)? */
    public boolean anyToReconcile() {
        return (Boolean) em.createNativeQuery(ANY_TO_RECONCILE).getSingleResult();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<PublishTask> claimDue(String node, int limit, Duration lease) {
        return take(CLAIM_DUE, node, limit, lease);
    }

    /**
     * Takes over up to {@code limit} distributions whose lease expired, for reconciliation: they
     * are now this node's, with a fresh lease, so no other node reconciles them at the same time.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<PublishTask> takeOverExpired(String node, int limit, Duration lease) {
        return take(TAKE_OVER_EXPIRED, node, limit, lease);
    }

    /** Claims up to {@code limit} due re-checks, to be read back under this node's lease. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<PublishTask> claimRechecks(String node, int limit, Duration lease) {
        return take(CLAIM_RECHECKS, node, limit, lease);
    }

    /**
     * Extends the lease of the distributions this node is still working on, from the database's
     * now: a live node keeps its claims however long a platform call takes, a dead one loses them
     * one lease after its last renewal.
     *
     * @return how many leases were extended (rows settled or taken over meanwhile are left alone)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int renew(String node, Collection<UUID> ids, Duration lease) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery(RENEW)
                .setParameter(1, uuidArray(ids))
                .setParameter(2, node)
                .setParameter(3, (double) lease.toSeconds())
                .executeUpdate();
    }

    private List<PublishTask> take(String statement, String node, int limit, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(statement)
                .setParameter(1, limit)
                .setParameter(2, node)
                .setParameter(3, (double) lease.toSeconds())
                .getResultList();
        return rows.stream().map(Claims::task).toList();
    }

    private static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
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
                (String) row[11], instant(row[12]), instant(row[13]));
    }
}
