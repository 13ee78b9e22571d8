package dev.ore.publisher.platform.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a platform's answer to a listing call into a {@link ReadBack}. Only a 2xx answer lists
 * posts; a 401, 403, 429 or 5xx means the platform cannot tell, never that the post is absent
 * (reconciliation.md §4).
 */
public final class ReadBacks {

    /** At 100 posts a page: an account posting more than this around one attempt cannot be told apart. */
    static final int MAX_PAGES = 20;

    private ReadBacks() {
    }

    /**
     * Reads a listing page by page, as far as the window reaches: until the platform shows no
     * next page, or, for a listing ordered newest first, until a page reaches posts older than
     * {@code since}. More than {@value #MAX_PAGES} pages, or any page that is not a 2xx answer,
     * is "cannot tell": a post on an unread page would be taken for absent.
     *
     * @param page          fetches the page after the given cursor (the first page for empty)
     * @param parse         reads a page's posts and next cursor
     * @param newestFirst   whether the listing is strictly ordered by creation, newest first
     *                      (X, LinkedIn); Meta's is ranked, so all its pages are read
     */
    public static ReadBack paged(Function<Optional<String>, HttpAnswer> page, Function<JsonObject, PostPage> parse,
                                 Instant since, boolean newestFirst) {
        List<PostFound> posts = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int read = 0; read < MAX_PAGES; read++) {
            HttpAnswer answer = page.apply(cursor);
            if (!answer.isSuccess()) {
                String code = answer.status() == 429 ? "read_rate_limited" : "read_refused";
                return new ReadBack.Unreadable(code, "listing posts answered HTTP " + answer.status());
            }
            PostPage listed = parse.apply(LenientJson.parseObject(answer.body()).orElse(JsonValue.EMPTY_JSON_OBJECT));
            posts.addAll(listed.posts());
            boolean pastWindow = newestFirst && listed.posts().stream()
                    .anyMatch(post -> post.createdAt() != null && post.createdAt().isBefore(since));
            if (listed.next().isEmpty() || pastWindow) {
                return new ReadBack.Posts(posts);
            }
            cursor = listed.next();
        }
        return new ReadBack.Unreadable("read_too_long", "the account listed more than " + MAX_PAGES
                + " pages of posts in the window");
    }

    /** A listing call that produced no answer (timeout, connection failure, open circuit). */
    public static ReadBack failed(RuntimeException failure) {
        return new ReadBack.Unreadable("read_failed", "listing posts failed: " + failure.getClass().getSimpleName());
    }
}
