package dev.ore.publisher.platform.meta;

import dev.ore.publisher.platform.control.LenientJson;
import dev.ore.publisher.platform.control.PostFound;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads {@code GET /{page-id}/published_posts}: {@code message} comes back as sent;
 * {@code created_time} carries a {@code +0000} offset that ISO parsing rejects (reconciliation.md §1.2).
 */
public final class MetaPosts {

    private static final DateTimeFormatter CREATED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private MetaPosts() {
    }

    public static List<PostFound> of(JsonObject body) {
        return LenientJson.objects(body, "data").stream()
                .map(post -> new PostFound(LenientJson.string(post, "id").orElse(""),
                        LenientJson.string(post, "message").orElse(""),
                        LenientJson.string(post, "created_time").map(MetaPosts::instant).orElse(null)))
                .filter(post -> !post.id().isBlank())
                .toList();
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value, CREATED_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
