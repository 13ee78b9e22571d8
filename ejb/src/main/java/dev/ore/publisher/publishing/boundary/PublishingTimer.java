package dev.ore.publisher.publishing.boundary;

import dev.ore.publisher.publishing.control.PublishingJob;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code publisher.poll.interval} starts the publishing job if anything is due. Each node
 * runs its own (non-persistent) timer; the claim in the database keeps nodes from publishing the
 * same distribution. Operators can pause and resume it at run time.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PublishingTimer {

    static final String TIMER_NAME = "publish-due-distributions";
    private static final Logger LOG = Logger.getLogger(PublishingTimer.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "publisher.poll.interval")
    Duration interval;

    @Inject
    PublishingJob job;

    private volatile boolean paused;

    @PostConstruct
    void schedule() {
        timerService.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(TIMER_NAME, false));
        LOG.info(() -> "Publishing timer polls every " + interval);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void publishDue(Timer timer) {
        if (!paused) {
            job.startIfDue();
        }
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean isPaused() {
        return paused;
    }

    public Duration interval() {
        return interval;
    }
}
