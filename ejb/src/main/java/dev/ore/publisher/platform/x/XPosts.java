package dev.ore.publisher.platform.x;

import dev.ore.publisher.platform.control.LenientJson;
import dev.ore.publisher.platform.control.PostFound;
import dev.ore.publisher.platform.control.PostPage;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads {@code GET /2/users/{id}/tweets} back into the text we sent: each t.co link is replaced by
 * its {@code expanded_url}, the long form in {@code note_tweet} wins over the 280-character
 * {@code text}, and X's HTML escapes ({@code &amp; &lt; &gt;}) are undone (reconciliation.md §3.3).
 */
public final class XPosts {

    private XPosts() {
    }

    public static List<PostFound> of(JsonObject body) {
        return LenientJson.objects(body, "data").stream()
                .map(post -> new PostFound(LenientJson.string(post, "id").orElse(""), text(post),
                        LenientJson.string(post, "created_at").map(XPosts::instant).orElse(null)))
                .filter(post -> !post.id().isBlank())
                .toList();
    }

    /** A page of the listing; {@code meta.next_token} asks for the next one. */
    public static PostPage page(JsonObject body) {
        return new PostPage(of(body), LenientJson.object(body, "meta").flatMap(meta -> LenientJson.string(meta, "next_token")));
    }

    static String text(JsonObject post) {
        String text = LenientJson.object(post, "note_tweet").flatMap(note -> LenientJson.string(note, "text"))
                .or(() -> LenientJson.string(post, "text")).orElse("");
        for (JsonObject url : LenientJson.object(post, "entities").map(e -> LenientJson.objects(e, "urls"))
                .orElse(List.of())) {
            String shortUrl = LenientJson.string(url, "url").orElse("");
            String expanded = LenientJson.string(url, "expanded_url").orElse(shortUrl);
            if (!shortUrl.isEmpty()) {
                text = text.replace(shortUrl, expanded);
            }
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
