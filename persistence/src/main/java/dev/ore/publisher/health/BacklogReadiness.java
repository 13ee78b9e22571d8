package dev.ore.publisher.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Unready when the oldest due distribution has waited longer than
 * {@code publisher.health.max-backlog-age}: the workers (of every node, since they share the
 * queue) are not keeping up or not running. Measured on the database clock, so node clocks do not
 * matter. A database outage is {@link DatabaseReadiness}'s to report; this check then stays quiet.
 */
@Readiness
@ApplicationScoped
public class BacklogReadiness implements HealthCheck {

    private static final String OLDEST_DUE_AGE = """
            SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(next_attempt_at)), 0)
              FROM content_distribution
             WHERE status IN ('SCHEDULED', 'RETRY_SCHEDULED') AND next_attempt_at <= now()
            """;

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "publisher.health.max-backlog-age")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "publisher.database.readiness-timeout")
    Duration timeout;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backlog")
                .withData("maxAge", maxAge.toString());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet row = sql.executeQuery(OLDEST_DUE_AGE)) {
                row.next();
                Duration age = Duration.ofMillis((long) (row.getDouble(1) * 1000));
                response.withData("oldestDueAge", age.withNanos(0).toString());
                if (age.compareTo(maxAge) > 0) {
                    return response.down().withData("reason", "the oldest due distribution has waited "
                            + age.withNanos(0) + ", longer than " + maxAge).build();
                }
                return response.up().build();
            }
        } catch (SQLException e) {
            return response.up().withData("oldestDueAge", "unknown: database unreachable").build();
        }
    }
}
