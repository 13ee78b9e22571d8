package dev.ore.publisher.admin.api;

import dev.ore.publisher.api.InvalidRequest;
import dev.ore.publisher.problem.boundary.Refusal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parses the admin API's path and query values, naming the parameter that is wrong. */
final class AdminParameters {

    private AdminParameters() {
    }

    static long executionId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.notFound("Job execution", shortened(value));
        }
    }

    static UUID distributionId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("Distribution", shortened(value));
        }
    }

    static int integer(String name, String value, int fallback, int min, int max) {
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

    static Duration duration(String name, String value, Duration fallback) {
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
