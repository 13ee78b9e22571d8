package dev.ore.publisher.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the publishing timer last did on this node, written by the timer (ejb module) and read by
 * {@link PublishingTimerReadiness}. It lives in this {@code lib/} jar because the health checks
 * must be here (WildFly registers them only from the EAR's top level) and classes here cannot see
 * the ejb module; the ejb module can see this one, so the timer reports in rather than being asked.
 */
@ApplicationScoped
public class WorkerHeartbeat {

    private volatile Instant scheduledAt;
    private volatile Duration interval;
    private volatile Instant lastPoll;
    private volatile Instant lastJobStart;
    private volatile boolean paused;

    /** The timer exists and fires every {@code interval} from now on. */
    public void scheduled(Duration interval, Instant at) {
        this.interval = interval;
        this.scheduledAt = at;
    }

    /** The timer fired and looked for due work. */
    public void polled(Instant at) {
        lastPoll = at;
    }

    public void jobStarted(Instant at) {
        lastJobStart = at;
    }

    public void paused(boolean paused) {
        this.paused = paused;
    }

    public boolean isScheduled() {
        return scheduledAt != null;
    }

    public boolean isPaused() {
        return paused;
    }

    public Duration interval() {
        return interval;
    }

    /** The last sign of life: the last poll, or the scheduling itself before the first poll. */
    public Instant lastSignOfLife() {
        return lastPoll != null ? lastPoll : scheduledAt;
    }

    public Optional<Instant> lastPoll() {
        return Optional.ofNullable(lastPoll);
    }

    public Optional<Instant> lastJobStart() {
        return Optional.ofNullable(lastJobStart);
    }
}
