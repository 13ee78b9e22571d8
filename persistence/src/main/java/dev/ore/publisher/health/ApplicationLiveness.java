package dev.ore.publisher.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive once the deployment has started, which includes migrating and validating the schema
 * (a failure there fails the deployment and removes this check). Deliberately independent of
 * the database: an outage makes the node unready, and restarting it would not help.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("publisher");
    }
}
