package dev.ore.publisher.account.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the token sweep every {@code publisher.token.sweep-interval} on each node (the row locks make that safe). */
@Singleton
@Startup
public class TokenSweepTimer {

    private static final Logger LOG = Logger.getLogger(TokenSweepTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    TokenSweep sweep;

    @Inject
    @ConfigProperty(name = "publisher.token.sweep-interval", defaultValue = "PT5M")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("token-sweep", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweepTokens() {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Token sweep failed: {0}; the next one runs in {1}",
                    new Object[] {e.getClass().getSimpleName(), interval});
        }
    }
}
