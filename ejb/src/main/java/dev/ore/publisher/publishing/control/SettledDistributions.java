package dev.ore.publisher.publishing.control;

import dev.ore.publisher.database.control.ColumnArrays;
import dev.ore.publisher.distribution.entity.ContentDistribution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
     * does, so that two never deadlock.
     */
    public Map<UUID, ContentDistribution> lock(Collection<UUID> ids) {
        return em.createQuery("SELECT d FROM ContentDistribution d WHERE d.id IN :ids ORDER BY d.id",
                        ContentDistribution.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()
                .collect(Collectors.toMap(ContentDistribution::getId, Function.identity()));
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
