package dev.ore.publisher.platform.x;

import dev.ore.publisher.platform.control.HttpAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When X will accept the next create after a 429. The answer carries several counters (epoch
 * seconds); the 15-minute window always counts, a 24-hour window only when it is the one that ran
 * out, and the latest applicable reset wins (platforms.md §3.3).
 */
final class RateLimitReset {

    /** X's shortest rate-limit window; used when no header names a reset in the future. */
    static final Duration FALLBACK_WAIT = Duration.ofMinutes(15);

    private RateLimitReset() {
    }

    static Instant of(HttpAnswer answer, Instant now) {
        return Stream.of(
                        reset(answer, "x-rate-limit-reset"),
                        exhaustedDailyReset(answer, "x-user-limit-24hour"),
                        exhaustedDailyReset(answer, "x-app-limit-24hour"))
                .flatMap(Optional::stream)
                .filter(reset -> reset.isAfter(now))
                .max(Instant::compareTo)
                .orElse(now.plus(FALLBACK_WAIT));
    }

    private static Optional<Instant> exhaustedDailyReset(HttpAnswer answer, String prefix) {
        boolean exhausted = answer.header(prefix + "-remaining").map(String::trim).filter("0"::equals).isPresent();
        return exhausted ? reset(answer, prefix + "-reset") : Optional.empty();
    }

    private static Optional<Instant> reset(HttpAnswer answer, String header) {
        return answer.header(header).flatMap(RateLimitReset::epochSeconds);
    }

    private static Optional<Instant> epochSeconds(String value) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
