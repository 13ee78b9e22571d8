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
 * Ready only while the database answers: without it this node can neither claim nor record a
 * publish, so a load balancer should send it no API traffic either. Reports the schema version.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final String SCHEMA_VERSION =
            "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                    + "ORDER BY installed_rank DESC LIMIT 1";

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "publisher.database.readiness-timeout")
    Duration timeout;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        int seconds = (int) Math.max(1, timeout.toSeconds());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.setQueryTimeout(seconds);
            try (ResultSet row = sql.executeQuery(SCHEMA_VERSION)) {
                return response.up().withData("schemaVersion", row.next() ? row.getString(1) : "none").build();
            }
        } catch (SQLException e) {
            // The SQL state says enough for an operator; driver messages can carry connection details.
            return response.down().withData("reason", "cannot connect (SQL state " + e.getSQLState() + ")").build();
        }
    }
}
