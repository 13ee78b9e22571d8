package dev.ore.publisher.platform.linkedin;

import dev.ore.publisher.platform.control.LenientJson;
import dev.ore.publisher.platform.control.PostFound;
import dev.ore.publisher.platform.control.PostPage;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /**
     * A page of the finder, newest first: a full page ({@code count} elements) may have a next
     * one, at {@code start = paging.start + count}. LinkedIn has no time filter; the caller stops
     * once a page reaches posts older than its window.
     */
    public static PostPage page(JsonObject body, String author, int count) {
        int listed = LenientJson.objects(body, "elements").size();
        int start = LenientJson.object(body, "paging").flatMap(paging -> LenientJson.number(paging, "start"))
                .map(Number::intValue).orElse(0);
        return new PostPage(of(body, author), listed < count ? Optional.empty() : Optional.of(Integer.toString(start + listed)));
    }

    static String unescape(String commentary) {
        String text = HASHTAG.matcher(commentary).replaceAll(m -> Matcher.quoteReplacement("#" + m.group(1)));
        text = MENTION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
}
