package dev.ore.publisher.platform.meta;

import dev.ore.publisher.platform.control.LenientJson;
import dev.ore.publisher.platform.control.PostFound;
import dev.ore.publisher.platform.control.PostPage;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

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

    /**
     * A page of the listing. Meta pages with cursors: while {@code paging.next} is present there
     * is another page, asked for with {@code after = paging.cursors.after}; a page may be empty
     * and still have a next one (reconciliation.md §1.2).
     *
     * @throws IllegalStateException when there is a next page but no cursor to reach it
     */
    public static PostPage page(JsonObject body) {
        Optional<JsonObject> paging = LenientJson.object(body, "paging");
        if (paging.flatMap(p -> LenientJson.string(p, "next")).isEmpty()) {
            return new PostPage(of(body), Optional.empty());
        }
        String after = paging.flatMap(p -> LenientJson.object(p, "cursors")).flatMap(c -> LenientJson.string(c, "after"))
                .orElseThrow(() -> new IllegalStateException("a next page without an 'after' cursor"));
        return new PostPage(of(body), Optional.of(after));
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value, CREATED_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
