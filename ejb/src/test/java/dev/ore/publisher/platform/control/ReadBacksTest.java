package dev.ore.publisher.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.platform.linkedin.LinkedInPosts;
import dev.ore.publisher.platform.meta.MetaPosts;
import dev.ore.publisher.platform.x.XPosts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Paging through the platforms' listings (reconciliation.md §0: X next_token, Meta cursors, LinkedIn start/count). */
class ReadBacksTest {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ORGANISATION = "urn:li:organization:5515715";

    @Test
    void followsXsNextTokenUntilTheLastPage() {
        Map<String, String> pages = Map.of(
                "", """
                        {"data":[{"id":"3","text":"c","created_at":"2026-01-01T00:03:00.000Z"}],
                         "meta":{"result_count":1,"next_token":"t2"}}""",
                "t2", """
                        {"data":[{"id":"2","text":"b","created_at":"2026-01-01T00:02:00.000Z"}],
                         "meta":{"result_count":1}}""");
        List<String> asked = new ArrayList<>();

        ReadBack read = ReadBacks.paged(served(pages, asked), XPosts::page, SINCE, true);

        assertThat(ids(read)).containsExactly("3", "2");
        assertThat(asked).containsExactly("", "t2");
    }

    @Test
    void followsMetasAfterCursorWhileThereIsANextPageEvenPastAnEmptyPage() {
        Map<String, String> pages = Map.of(
                "", """
                        {"data":[],"paging":{"cursors":{"before":"b1","after":"a1"},"next":"https://graph/next1"}}""",
                "a1", """
                        {"data":[{"id":"p_1","message":"m","created_time":"2026-01-01T00:00:05+0000"}],
                         "paging":{"cursors":{"before":"b2","after":"a2"}}}""");

        ReadBack read = ReadBacks.paged(served(pages, new ArrayList<>()), MetaPosts::page, SINCE, false);

        assertThat(ids(read)).containsExactly("p_1");
    }

    @Test
    void stopsOnLinkedInOncePostsAreOlderThanTheWindow() {
        String fullPage = linkedInPage(0, 100, Instant.parse("2026-01-01T00:10:00Z"));
        String olderPage = linkedInPage(100, 100, Instant.parse("2025-12-31T23:00:00Z"));
        List<String> asked = new ArrayList<>();

        ReadBack read = ReadBacks.paged(served(Map.of("", fullPage, "100", olderPage, "200", fullPage), asked),
                body -> LinkedInPosts.page(body, ORGANISATION, 100), SINCE, true);

        assertThat(ids(read)).hasSize(200);
        assertThat(asked).containsExactly("", "100");
    }

    @Test
    void aFailingPageMeansThePlatformCannotTell() {
        Function<Optional<String>, HttpAnswer> secondPageLimited = cursor -> cursor.isEmpty()
                ? new HttpAnswer(200, Map.of(), "{\"data\":[],\"meta\":{\"next_token\":\"t2\"}}")
                : new HttpAnswer(429, Map.of(), "{}");

        ReadBack read = ReadBacks.paged(secondPageLimited, XPosts::page, SINCE, true);

        assertThat(read).isEqualTo(new ReadBack.Unreadable("read_rate_limited", "listing posts answered HTTP 429"));
    }

    @Test
    void aListingLongerThanTheLimitCannotBeTold() {
        Function<Optional<String>, HttpAnswer> endless = cursor -> new HttpAnswer(200, Map.of(),
                "{\"data\":[{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"2026-01-01T00:05:00.000Z\"}],"
                        + "\"meta\":{\"next_token\":\"more\"}}");

        ReadBack read = ReadBacks.paged(endless, XPosts::page, SINCE, true);

        assertThat(read).isInstanceOf(ReadBack.Unreadable.class);
        assertThat(((ReadBack.Unreadable) read).code()).isEqualTo("read_too_long");
    }

    private static Function<Optional<String>, HttpAnswer> served(Map<String, String> pages, List<String> asked) {
        return cursor -> {
            asked.add(cursor.orElse(""));
            return new HttpAnswer(200, Map.of(), pages.get(cursor.orElse("")));
        };
    }

    private static String linkedInPage(int start, int count, Instant createdAt) {
        StringBuilder elements = new StringBuilder();
        for (int i = 0; i < count; i++) {
            elements.append(i == 0 ? "" : ",").append("{\"id\":\"urn:li:share:").append(start + i)
                    .append("\",\"author\":\"").append(ORGANISATION).append("\",\"commentary\":\"p\",")
                    .append("\"lifecycleState\":\"PUBLISHED\",\"createdAt\":").append(createdAt.toEpochMilli()).append('}');
        }
        return "{\"paging\":{\"start\":" + start + ",\"count\":" + count + "},\"elements\":[" + elements + "]}";
    }

    private static List<String> ids(ReadBack read) {
        assertThat(read).isInstanceOf(ReadBack.Posts.class);
        return ((ReadBack.Posts) read).posts().stream().map(PostFound::id).toList();
    }
}
