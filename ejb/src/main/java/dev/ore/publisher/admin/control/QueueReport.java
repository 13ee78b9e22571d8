package dev.ore.publisher.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Queue figures by SQL: counts by status and platform, the age of the oldest due distribution,
 * claims in flight, and the failures of the last 24 hours (from the audit log, so distributions
 * retried since still show).
 */
@ApplicationScoped
public class QueueReport {

    static final int LISTED = 50;

    private static final String COUNTS = """
            SELECT status, platform, count(*) FROM content_distribution GROUP BY status, platform ORDER BY status, platform
            """;
    private static final String FIGURES = """
            SELECT now(),
                   count(*) FILTER (WHERE status IN ('SCHEDULED', 'RETRY_SCHEDULED') AND next_attempt_at <= now()),
                   COALESCE(EXTRACT(EPOCH FROM now() - min(next_attempt_at)
                            FILTER (WHERE status IN ('SCHEDULED', 'RETRY_SCHEDULED') AND next_attempt_at <= now())), 0),
                   count(*) FILTER (WHERE status = 'PUBLISHING'),
                   count(*) FILTER (WHERE status = 'PUBLISHING' AND lease_until < now())
              FROM content_distribution
            """;
    private static final String FAILURE_COUNTS = """
            SELECT metadata->>'Platform', COALESCE(metadata->>'ErrorCode', ''), count(*)
              FROM audit_log
             WHERE action = 'content_publish_failed' AND occurred_on_utc > now() - interval '24 hours'
             GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2
            """;
    private static final String RECENT = """
            SELECT entity_id, team_id, metadata->>'Platform', metadata->>'ErrorCode', metadata->>'ErrorMessage',
                   (metadata->>'Attempt')::int, occurred_on_utc
              FROM audit_log
             WHERE action = 'content_publish_failed' AND occurred_on_utc > now() - interval '24 hours'
             ORDER BY occurred_on_utc DESC
             LIMIT ?1
            """;

    private static final String UNKNOWN_OUTCOMES = """
            SELECT id, team_id, platform, last_error_code, last_error_message, attempt_count, modified_on_utc
              FROM content_distribution
             WHERE status = 'UNKNOWN_OUTCOME'
             ORDER BY modified_on_utc
             LIMIT ?1
            """;

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    public QueueState now() {
        Object[] figures = (Object[]) em.createNativeQuery(FIGURES).getSingleResult();
        return new QueueState(instant(figures[0]), counts(), number(figures[1]),
                Duration.ofMillis((long) (((Number) figures[2]).doubleValue() * 1000)), number(figures[3]),
                number(figures[4]), failureCounts(), failures(RECENT), failures(UNKNOWN_OUTCOMES));
    }

    /** The oldest due distribution's wait, for the backlog gauge. */
    public Duration oldestDueAge() {
        Object[] figures = (Object[]) em.createNativeQuery(FIGURES).getSingleResult();
        return Duration.ofMillis((long) (((Number) figures[2]).doubleValue() * 1000));
    }

    private List<QueueState.Count> counts() {
        return rows(COUNTS).stream()
                .map(row -> new QueueState.Count((String) row[0], (String) row[1], number(row[2])))
                .toList();
    }

    private List<QueueState.FailureCount> failureCounts() {
        return rows(FAILURE_COUNTS).stream()
                .map(row -> new QueueState.FailureCount((String) row[0], (String) row[1], number(row[2])))
                .toList();
    }

    private List<QueueState.Failure> failures(String query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(query).setParameter(1, LISTED).getResultList();
        return rows.stream()
                .map(row -> new QueueState.Failure((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                        (String) row[4], row[5] == null ? null : ((Number) row[5]).intValue(), instant(row[6])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("not a point in time: " + value.getClass());
    }
}
