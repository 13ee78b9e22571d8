package dev.ore.publisher.metrics.control;

import dev.ore.publisher.platform.entity.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters operators scrape (names as Prometheus shows them):
 * <ul>
 * <li>{@code publisher_publishes_total{platform,outcome}}: settled publish attempts, outcome one of
 *     published, retry_scheduled, failed, waiting_for_account;</li>
 * <li>{@code publisher_retries_scheduled_total{platform}};</li>
 * <li>{@code publisher_token_refreshes_total{outcome}} (refreshed, failed);</li>
 * <li>{@code publisher_job_execution_seconds} and {@code publisher_job_claimed_distributions}: per
 *     execution of the publishing job;</li>
 * <li>{@code publisher_backlog_age_seconds}: the oldest due distribution's wait;</li>
 * <li>{@code publisher_circuit_breaker_open{platform}}: 1 while the platform's circuit breaker
 *     rejects calls, as the last settled attempt showed.</li>
 * </ul>
 */
@ApplicationScoped
public class PublisherMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong backlogAgeMillis = new AtomicLong();
    private final Map<Platform, AtomicInteger> circuitOpen = new EnumMap<>(Platform.class);
    private Timer jobExecutions;
    private DistributionSummary claimedPerExecution;

    @PostConstruct
    void register() {
        Gauge.builder("publisher.backlog.age", backlogAgeMillis, millis -> millis.get() / 1000.0)
                .description("How long the oldest due, unclaimed distribution has waited")
                .baseUnit("seconds")
                .register(registry);
        for (Platform platform : Platform.values()) {
            AtomicInteger state = new AtomicInteger();
            circuitOpen.put(platform, state);
            Gauge.builder("publisher.circuit.breaker.open", state, AtomicInteger::get)
                    .description("1 while the platform's circuit breaker rejects calls, else 0")
                    .tag("platform", platform.name())
                    .register(registry);
            retries(platform);
        }
        jobExecutions = Timer.builder("publisher.job.execution")
                .description("Duration of publish-due-distributions executions")
                .register(registry);
        claimedPerExecution = DistributionSummary.builder("publisher.job.claimed.distributions")
                .description("Distributions claimed (read) per execution of publish-due-distributions")
                .register(registry);
        for (String outcome : new String[] {"refreshed", "failed"}) {
            tokenRefreshes(outcome);
        }
    }

    public void settled(Platform platform, String outcome) {
        Counter.builder("publisher.publishes")
                .description("Settled publish attempts by platform and outcome")
                .tag("platform", platform.name())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if ("retry_scheduled".equals(outcome)) {
            retries(platform).increment();
        }
    }

    /** For the token refresher: {@code refreshed}, {@code refused} or {@code transient_failure}. */
    public void tokenRefreshed(String outcome) {
        tokenRefreshes(outcome).increment();
    }

    public void circuitBreaker(Platform platform, boolean open) {
        circuitOpen.get(platform).set(open ? 1 : 0);
    }

    public void jobExecuted(Duration duration, long claimed) {
        jobExecutions.record(duration);
        claimedPerExecution.record(claimed);
    }

    public void backlogAge(Duration age) {
        backlogAgeMillis.set(age.toMillis());
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    private Counter retries(Platform platform) {
        return Counter.builder("publisher.retries.scheduled")
                .description("Retries scheduled after a transient failure")
                .tag("platform", platform.name())
                .register(registry);
    }

    private Counter tokenRefreshes(String outcome) {
        return Counter.builder("publisher.token.refreshes")
                .description("OAuth token refreshes by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
