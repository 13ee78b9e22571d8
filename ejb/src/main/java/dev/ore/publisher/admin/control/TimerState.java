package dev.ore.publisher.admin.control;

import java.time.Duration;
import java.time.Instant;

/**
 * One timer as operators see it.
 *
 * @param nextTimeout {@code null} when the server no longer holds the timer
 */
public record TimerState(String name, String purpose, Duration interval, Instant nextTimeout, boolean paused,
                         Instant lastPoll, Instant lastJobStart, Long lastExecutionId) {
}
