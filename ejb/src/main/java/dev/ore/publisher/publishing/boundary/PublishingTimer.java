package dev.ore.publisher.publishing.boundary;

import dev.ore.publisher.health.WorkerHeartbeat;
import dev.ore.publisher.publishing.control.PublishingJob;
import dev.ore.publisher.publishing.control.ShutdownDrain;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
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
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code publisher.poll.interval} starts the publishing job if anything is due, and the
 * reconciliation job if any outcome is unknown (a dead node's expired lease, a due re-check). Each node
 * runs its own (non-persistent) timer; the claim in the database keeps nodes from publishing the
 * same distribution. Operators can pause and resume it at run time. Each poll is reported to the
 * {@link WorkerHeartbeat}, from which readiness tells a paused timer from a dead one.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PublishingTimer {

    public static final String TIMER_NAME = "publish-due-distributions";
    private static final Logger LOG = Logger.getLogger(PublishingTimer.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "publisher.poll.interval")
    Duration interval;

    @Inject
    PublishingJob job;

    @Inject
    WorkerHeartbeat heartbeat;

    @Inject
    ShutdownDrain drain;

    private volatile boolean paused;

    /** Set on undeploy or shutdown: no job is started from then on. */
    private volatile boolean stopping;

    @PostConstruct
    void schedule() {
        timerService.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(TIMER_NAME, false));
        heartbeat.scheduled(interval, Instant.now());
        LOG.info(() -> "Publishing timer polls every " + interval);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void publishDue(Timer timer) {
        heartbeat.polled(Instant.now());
        if (paused || stopping) {
            return;
        }
        job.reconcileIfNeeded();
        if (job.startIfDue() != null) {
            heartbeat.jobStarted(Instant.now());
        }
    }

    /**
     * Undeploy or SIGTERM: start no more executions, let the running ones end after their current
     * chunk (bounded), and give back the claims never sent ({@link ShutdownDrain}).
     */
    @PreDestroy
    void stopStarting() {
        stopping = true;
        LOG.info("Publishing timer stopped: no new executions on this node");
        drain.drain();
    }

    /** Operators' "run now": starts an execution at once, paused or not. */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long runNow() {
        long id = job.start();
        heartbeat.jobStarted(Instant.now());
        return id;
    }

    @Lock(LockType.READ)
    public void pause() {
        paused = true;
        heartbeat.paused(true);
    }

    @Lock(LockType.READ)
    public void resume() {
        paused = false;
        heartbeat.paused(false);
    }

    @Lock(LockType.READ)
    public boolean isPaused() {
        return paused;
    }

    @Lock(LockType.READ)
    public Duration interval() {
        return interval;
    }

    /** When the timer fires next; empty when it no longer exists (cancelled through the server's console). */
    @Lock(LockType.READ)
    public Optional<Instant> nextTimeout() {
        return timerService.getTimers().stream()
                .filter(timer -> TIMER_NAME.equals(timer.getInfo()))
                .findFirst()
                .map(timer -> timer.getNextTimeout().toInstant());
    }

    @Lock(LockType.READ)
    public Optional<Instant> lastPoll() {
        return heartbeat.lastPoll();
    }

    @Lock(LockType.READ)
    public Optional<Instant> lastJobStart() {
        return heartbeat.lastJobStart();
    }

    @Lock(LockType.READ)
    public Optional<Long> lastExecutionId() {
        return job.lastExecutionId();
    }
}
