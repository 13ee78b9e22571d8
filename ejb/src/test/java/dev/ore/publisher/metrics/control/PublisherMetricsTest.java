package dev.ore.publisher.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.platform.entity.Platform;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublisherMetricsTest {

    private final PublisherMetrics metrics = new PublisherMetrics();

    PublisherMetricsTest() {
        metrics.register();
    }

    @Test
    void exposesEveryMeterBeforeAnythingHappened() {
        assertThat(metrics.scrape()).contains(
                "publisher_retries_scheduled_total{platform=\"LINKEDIN\"} 0",
                "publisher_token_refreshes_total{outcome=\"refreshed\"} 0",
                "publisher_circuit_breaker_open{platform=\"META\"} 0",
                "publisher_backlog_age_seconds 0",
                "publisher_job_execution_seconds_count 0",
                "publisher_job_claimed_distributions_count 0");
    }

    @Test
    void countsOutcomesRetriesExecutionsAndBacklog() {
        metrics.settled(Platform.X, "published");
        metrics.settled(Platform.X, "retry_scheduled");
        metrics.circuitBreaker(Platform.X, true);
        metrics.jobExecuted(Duration.ofMillis(1500), 7);
        metrics.backlogAge(Duration.ofSeconds(42));

        assertThat(metrics.scrape()).contains(
                "publisher_publishes_total{outcome=\"published\",platform=\"X\"} 1",
                "publisher_publishes_total{outcome=\"retry_scheduled\",platform=\"X\"} 1",
                "publisher_retries_scheduled_total{platform=\"X\"} 1",
                "publisher_circuit_breaker_open{platform=\"X\"} 1",
                "publisher_job_execution_seconds_sum 1.5",
                "publisher_job_claimed_distributions_sum 7",
                "publisher_backlog_age_seconds 42");
    }
}
