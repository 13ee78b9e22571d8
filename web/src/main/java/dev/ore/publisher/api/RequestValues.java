package dev.ore.publisher.api;

import dev.ore.publisher.problem.boundary.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Parses path and query values by hand for every resource: JAX-RS would answer a bad query value
 * with 404, and a caller deserves to hear which parameter is wrong. A malformed id names nothing,
 * so it is answered like an unknown one.
 */
public final class RequestValues {

    private RequestValues() {
    }

    /** @param what the entity, as the 404 names it ("Distribution") */
    public static UUID uuid(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound(what, shortened(value));
        }
    }

    /** @param what the entity, as the 404 names it ("Job execution") */
    public static long longId(String what, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.notFound(what, shortened(value));
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(name, "must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
        }
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidRequest(name, "must be a whole number between " + min + " and " + max);
    }

    public static Duration duration(String name, String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value.trim());
            if (!parsed.isNegative() && parsed.compareTo(Duration.ofDays(365)) <= 0) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidRequest(name, "must be an ISO-8601 duration between PT0S and P365D, such as P7D");
    }

    private static String shortened(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
