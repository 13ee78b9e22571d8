package dev.ore.publisher.distribution.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a distribution that failed with a retryable outcome is tried again. The wait doubles with
 * each attempt (interval, 2×, 4×, …) so a struggling platform is not hammered, is capped at
 * {@link #MAX_DELAY} so a post still goes out the same day, and never undercuts the platform's own
 * rate-limit reset: retrying before it would only burn an attempt.
 */
public final class RetrySchedule {

    public static final Duration MAX_DELAY = Duration.ofHours(4);

    private RetrySchedule() {
    }

    /**
     * @param attemptsMade      attempts made so far, including the one that just failed
     * @param maxRetryCount     retries allowed after the first attempt
     * @param platformNotBefore the platform's earliest retry time, or {@code null}
     * @return the time of the next attempt, or empty when the attempts are used up
     */
    public static Optional<Instant> nextAttempt(int attemptsMade, int maxRetryCount, Duration retryInterval,
                                                Instant now, Instant platformNotBefore) {
        if (retryInterval == null || retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("retryInterval must be positive");
        }
        long attemptsAllowed = 1L + Math.max(0, maxRetryCount);
        if (attemptsMade >= attemptsAllowed) {
            return Optional.empty();
        }
        Instant next = now.plus(delay(attemptsMade, retryInterval));
        return Optional.of(platformNotBefore != null && platformNotBefore.isAfter(next) ? platformNotBefore : next);
    }

    private static Duration delay(int attemptsMade, Duration retryInterval) {
        int exponent = Math.max(0, attemptsMade - 1);
        // From 2^63 on the shift itself overflows; the cap applies long before.
        if (exponent >= Long.SIZE - 1) {
            return MAX_DELAY;
        }
        try {
            Duration delay = retryInterval.multipliedBy(1L << exponent);
            return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
        } catch (ArithmeticException overflow) {
            return MAX_DELAY;
        }
    }
}
