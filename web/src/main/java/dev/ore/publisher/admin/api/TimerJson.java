package dev.ore.publisher.admin.api;

import dev.ore.publisher.admin.control.TimerState;
import java.time.Instant;

/** A timer: its cadence, when it fires next, whether it is paused, and what it did last. */
public record TimerJson(String name, String purpose, String interval, long intervalMillis, Instant nextTimeout,
                        boolean paused, Instant lastPoll, Instant lastJobStart, Long lastExecutionId) {

    static TimerJson from(TimerState timer) {
        return new TimerJson(timer.name(), timer.purpose(), timer.interval().toString(), timer.interval().toMillis(),
                timer.nextTimeout(), timer.paused(), timer.lastPoll(), timer.lastJobStart(), timer.lastExecutionId());
    }
}
