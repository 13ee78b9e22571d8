package dev.ore.publisher.distribution.api;

import dev.ore.publisher.api.InvalidRequest;
import dev.ore.publisher.problem.boundary.Refusal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Parses path and query values by hand: JAX-RS would answer a bad query value with 404, and a
 * caller deserves to hear which parameter is wrong.
 */
final class QueryValues {

    private QueryValues() {
    }

    /** A malformed id names nothing, so it is answered like an unknown one. */
    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("Distribution", value.length() > 64 ? value.substring(0, 64) + "…" : value);
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(name, "must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
        }
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new InvalidRequest(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidRequest(name, "must be a whole number between " + min + " and " + max);
        }
    }
}
