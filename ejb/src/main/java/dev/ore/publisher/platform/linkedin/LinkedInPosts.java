package dev.ore.publisher.platform.linkedin;

import dev.ore.publisher.platform.control.LenientJson;
import dev.ore.publisher.platform.control.PostFound;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code GET /rest/posts?q=author}: only PUBLISHED posts of the author count, and the
 * little-text {@code commentary} is decoded (hashtag and mention templates, backslash escapes) so
 * it compares with the text we sent (reconciliation.md §2.4, §5).
 */
public final class LinkedInPosts {

    private static final Pattern HASHTAG = Pattern.compile("\\{hashtag\\|\\\\?#\\|([^}]*)}");
    private static final Pattern MENTION = Pattern.compile("@\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

    private LinkedInPosts() {
    }

    public static List<PostFound> of(JsonObject body, String author) {
        return LenientJson.objects(body, "elements").stream()
                .filter(post -> LenientJson.string(post, "author").filter(author::equals).isPresent())
                .filter(post -> LenientJson.string(post, "lifecycleState").orElse("PUBLISHED").equals("PUBLISHED"))
                .map(post -> new PostFound(LenientJson.string(post, "id").orElse(""),
                        unescape(LenientJson.string(post, "commentary").orElse("")),
                        LenientJson.number(post, "createdAt").map(Instant::ofEpochMilli).orElse(null)))
                .filter(post -> !post.id().isBlank())
                .toList();
    }

    static String unescape(String commentary) {
        String text = HASHTAG.matcher(commentary).replaceAll(m -> Matcher.quoteReplacement("#" + m.group(1)));
        text = MENTION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
}
