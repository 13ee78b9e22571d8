package dev.ore.publisher.distribution.api;

import dev.ore.publisher.api.Caller;
import dev.ore.publisher.api.InvalidRequest;
import dev.ore.publisher.distribution.boundary.Schedule;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/** Checks the rules of a scheduling request that span fields, and turns it into a {@link Schedule}. */
final class ScheduleRequests {

    static final int MAX_KEY_LENGTH = 200;
    private static final Jsonb JSON = JsonbBuilder.create();

    private ScheduleRequests() {
    }

    static Schedule toSchedule(ScheduleRequest request, Caller caller, String idempotencyKey) {
        boolean inline = request.title() != null || request.body() != null;
        if (request.contentId() != null && inline) {
            throw new InvalidRequest("contentId", "give either contentId or the content (title, body), not both");
        }
        if (request.contentId() == null && (request.title() == null || request.body() == null)) {
            throw new InvalidRequest(request.title() == null ? "title" : "body",
                    "title and body are required unless contentId names existing content");
        }
        if (new LinkedHashSet<>(request.platforms()).size() != request.platforms().size()) {
            throw new InvalidRequest("platforms", "each platform may appear once");
        }
        PublishTimes.When when = PublishTimes.resolve(request.publishOnUtc(), request.publishOnLocal(), request.timeZone());
        Schedule.NewContent content = request.contentId() != null ? null
                : new Schedule.NewContent(request.title(), request.body(), request.caption(), Hashtags.join(request.hashtags()),
                        request.linkUrl(), request.mediaUrl());
        return new Schedule(caller.team(), caller.name(), request.contentId(), content, List.copyOf(request.platforms()),
                when.utc(), when.timeZone(), retryInterval(request.retryInterval()),
                request.maxRetryCount() == null ? 3 : request.maxRetryCount(), idempotency(idempotencyKey, request));
    }

    private static Duration retryInterval(String value) {
        if (value == null) {
            return Duration.ofMinutes(5);
        }
        try {
            Duration interval = Duration.parse(value);
            if (interval.compareTo(Duration.ofSeconds(30)) < 0 || interval.compareTo(Duration.ofHours(4)) > 0) {
                throw new InvalidRequest("retryInterval", "must be between PT30S and PT4H");
            }
            return interval;
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("retryInterval", "must be an ISO-8601 duration such as PT5M");
        }
    }

    private static Schedule.Idempotency idempotency(String key, ScheduleRequest request) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequest("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return new Schedule.Idempotency(key, sha256(JSON.toJson(request)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
