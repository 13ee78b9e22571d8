package dev.ore.publisher.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Unready when the publishing timer has stopped firing although nobody paused it: a node whose
 * worker is dead would otherwise look healthy while its share of the work waits. The timer looks
 * for due work each poll and starts the job only when there is some, so "has not started a job"
 * is measured as "has not polled" ({@value #MISSED_POLLS} poll intervals); an idle system stays
 * ready.
 */
@Readiness
@ApplicationScoped
public class PublishingTimerReadiness implements HealthCheck {

    static final int MISSED_POLLS = 3;

    @Inject
    WorkerHeartbeat heartbeat;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("publishing-timer");
        if (!heartbeat.isScheduled()) {
            return response.up().withData("state", "starting").build();
        }
        Duration interval = heartbeat.interval();
        Duration silent = Duration.between(heartbeat.lastSignOfLife(), Instant.now());
        response.withData("interval", interval.toString())
                .withData("paused", heartbeat.isPaused())
                .withData("lastPoll", heartbeat.lastPoll().map(Instant::toString).orElse("never"))
                .withData("lastJobStart", heartbeat.lastJobStart().map(Instant::toString).orElse("never"));
        if (!heartbeat.isPaused() && silent.compareTo(interval.multipliedBy(MISSED_POLLS)) > 0) {
            return response.down().withData("reason", "the publishing timer has not run for "
                    + silent.withNanos(0) + " (more than " + MISSED_POLLS + " poll intervals) and is not paused")
                    .build();
        }
        return response.up().build();
    }
}
