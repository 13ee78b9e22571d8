package dev.ore.publisher.publishing.control;

import dev.ore.publisher.database.control.ColumnArrays;
import dev.ore.publisher.distribution.entity.ContentDistribution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * Loads the distributions a chunk settles and writes them back in one statement. The state
 * machine runs in {@link ContentDistribution}, as everywhere else; only the write differs:
 * the rows are loaded read-only, so Hibernate neither dirty-checks nor flushes them, and
 * {@link #save} writes every column a transition may change for the whole chunk at once. Through
 * Hibernate's flush, a chunk's 50 updates and 50 audit inserts cost a quarter of the worker's CPU
 * in the benchmark (src/benchmark/notes.md).
 */
@ApplicationScoped
public class SettledDistributions {

    /*
     * The columns a transition out of PUBLISHING changes (ContentDistribution's published,
     * retryAt, recheckAt, fail, waitForAccount and outcomeUnknown), as text[] parameters. The
     * version is checked and bumped as Hibernate would; the rows are locked, so it always matches.
     */
    private static final String SAVE = """
            UPDATE content_distribution d
               SET status = s.status, attempt_count = CAST(s.attempt_count AS integer),
                   next_attempt_at = CAST(s.next_attempt_at AS timestamptz),
                   read_back_count = CAST(s.read_back_count AS integer), claimed_by = s.claimed_by,
                   lease_until = CAST(s.lease_until AS timestamptz), external_post_id = s.external_post_id,
                   published_at = CAST(s.published_at AS timestamptz), last_error_code = s.last_error_code,
                   last_error_message = s.last_error_message, modified_on_utc = clock_timestamp(),
                   version = d.version + 1
              FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                   AS s(id, version, status, attempt_count, next_attempt_at, read_back_count, claimed_by,
                        lease_until, external_post_id, published_at, last_error_code, last_error_message)
             WHERE d.id = CAST(s.id AS uuid) AND d.version = CAST(s.version AS bigint)
            """;

    private static final String LOCK = """
            SELECT * FROM content_distribution
             WHERE id = ANY(CAST(?1 AS uuid[]))
             ORDER BY id
               FOR NO KEY UPDATE
            """;

    private static final List<Function<ContentDistribution, ?>> COLUMNS = List.of(
            ContentDistribution::getId, ContentDistribution::getVersion, ContentDistribution::getStatus,
            ContentDistribution::getAttemptCount, ContentDistribution::getNextAttemptAt,
            ContentDistribution::getReadBackCount, ContentDistribution::getClaimedBy,
            ContentDistribution::getLeaseUntil, ContentDistribution::getExternalPostId,
            ContentDistribution::getPublishedAt, ContentDistribution::getLastErrorCode,
            ContentDistribution::getLastErrorMessage);

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    /**
     * Locks the rows, read-only, in id order, as every statement that locks several distributions
     * does, so that two never deadlock. A native statement with the ids as one array parameter:
     * the same query in JPQL ({@code WHERE d.id IN :ids}) was translated to SQL anew for every
     * chunk, since Hibernate cannot reuse a translation whose IN list is expanded per call (45 %
     * of this method's CPU in the benchmark's profile). The lock is the one Hibernate takes for
     * {@code PESSIMISTIC_WRITE} on PostgreSQL; the context is new (the caller's transaction is),
     * so there is nothing to flush first.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, ContentDistribution> lock(Collection<UUID> ids) {
        Stream<ContentDistribution> rows = em.createNativeQuery(LOCK, ContentDistribution.class)
                .setParameter(1, ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream();
        return rows.collect(Collectors.toMap(ContentDistribution::getId, Function.identity()));
    }

    /** Writes the distributions' transitions, all in one statement. */
    public void save(List<ContentDistribution> settled) {
        int saved = ColumnArrays.execute(em, SAVE, settled, COLUMNS);
        if (saved != settled.size()) {
            throw new OptimisticLockException(settled.size() - saved + " of " + settled.size()
                    + " settled distributions changed since they were locked");
        }
    }
}
