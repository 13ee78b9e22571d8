package dev.ore.publisher.distribution.boundary;

import dev.ore.publisher.distribution.control.IdempotencyKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hourly, forgets idempotency keys older than {@code publisher.api.idempotency-retention} (default a day). */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class IdempotencyKeyTimer {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyTimer.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "publisher.api.idempotency-retention")
    Duration retention;

    @Inject
    IdempotencyKeys keys;

    @PostConstruct
    void schedule() {
        timerService.createIntervalTimer(Duration.ofMinutes(5).toMillis(), Duration.ofHours(1).toMillis(),
                new TimerConfig("forget-idempotency-keys", false));
    }

    @Timeout
    void forgetOldKeys() {
        int forgotten = keys.forgetOlderThan(retention);
        if (forgotten > 0) {
            LOG.info(() -> "Forgot " + forgotten + " idempotency keys older than " + retention);
        }
    }
}
