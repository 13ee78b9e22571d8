package dev.ore.publisher.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.platform.linkedin.LittleText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostMatchTest {

    private static final Instant ATTEMPT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void ignoresLinksWhitespaceAndLineEndings() {
        assertThat(PostMatch.normalise("Launch  day\r\n\r\n#news https://t.co/AbCdEf1234 "))
                .isEqualTo(PostMatch.normalise("Launch day\n\n#news\nhttps://example.com/x"));
    }

    @Test
    void findsTheEarliestMatchWithinTheWindowOnly() {
        List<PostFound> posts = List.of(
                new PostFound("too-early", "Hello", ATTEMPT.minus(Duration.ofMinutes(3))),
                new PostFound("other", "Hello there", ATTEMPT.plusSeconds(1)),
                new PostFound("later", "Hello", ATTEMPT.plusSeconds(30)),
                new PostFound("first", "Hello", ATTEMPT.plusSeconds(2)),
                new PostFound("too-late", "Hello", ATTEMPT.plus(Duration.ofMinutes(16))));

        assertThat(PostMatch.find("Hello", ATTEMPT, posts)).map(PostFound::id).contains("first");
    }

    @Test
    void listsEveryCopyEarliestFirst() {
        List<PostFound> posts = List.of(
                new PostFound("second", "Hello", ATTEMPT.plusSeconds(40)),
                new PostFound("first", "Hello", ATTEMPT.plusSeconds(3)));

        assertThat(PostMatch.matches("Hello", ATTEMPT, posts)).extracting(PostFound::id).containsExactly("first", "second");
    }

    @Test
    void findsNothingWithoutEqualText() {
        assertThat(PostMatch.find("Hello", ATTEMPT, List.of(new PostFound("1", "Hello!", ATTEMPT)))).isEmpty();
    }

    @Test
    void aPostCutShortIsANearMatch() {
        String sent = "Launch day for the beta of Ore (finally) and more to come";
        PostFound cut = new PostFound("cut", "Launch day for the beta of Ore ", ATTEMPT.plus(Duration.ofMinutes(5)));

        assertThat(PostMatch.find(sent, ATTEMPT, List.of(cut))).isEmpty();
        assertThat(PostMatch.findNear(sent, ATTEMPT, List.of(cut))).map(PostFound::id).contains("cut");
    }

    @Test
    void aSameMinutePostWithinThreePercentOfEditsIsANearMatch() {
        String sent = "Our quarterly report is out: revenue up, costs down, and a new office in Lisbon.";
        PostFound edited = new PostFound("edited", sent.replace("Lisbon.", "Lisboa."), ATTEMPT.plusSeconds(20));
        PostFound later = new PostFound("later", sent.replace("Lisbon.", "Lisboa."), ATTEMPT.plus(Duration.ofMinutes(5)));

        assertThat(PostMatch.findNear(sent, ATTEMPT, List.of(edited))).map(PostFound::id).contains("edited");
        assertThat(PostMatch.findNear(sent, ATTEMPT, List.of(later))).as("not within a minute").isEmpty();
    }

    @Test
    void anotherPostIsNoNearMatch() {
        String sent = "Our quarterly report is out: revenue up, costs down, and a new office in Lisbon.";
        List<PostFound> posts = List.of(
                new PostFound("other", "Join our webinar on Thursday about the quarterly report.", ATTEMPT),
                new PostFound("short", "Our", ATTEMPT),
                new PostFound("outside", sent.substring(0, 40), ATTEMPT.minus(Duration.ofMinutes(3))));

        assertThat(PostMatch.findNear(sent, ATTEMPT, posts)).isEmpty();
    }

    @Test
    void readsXPostsBackWithLinksExpandedAndEntitiesUnescaped() {
        var body = LenientJson.parseObject("""
                {"data":[{"id":"1874","text":"Launch &amp; more &lt;3 https://t.co/AbCdEf1234",
                  "created_at":"2026-01-01T00:00:05.000Z",
                  "entities":{"urls":[{"url":"https://t.co/AbCdEf1234","expanded_url":"https://example.com/x"}]}}]}
                """).orElseThrow();

        List<PostFound> posts = dev.ore.publisher.platform.x.XPosts.of(body);

        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.text()).isEqualTo("Launch & more <3 https://example.com/x");
            assertThat(post.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
        });
    }

    @Test
    void readsLinkedInCommentaryBackWithoutLittleTextEscapes() {
        String sent = "Launch (beta) *today* #news @ore";
        var body = LenientJson.parseObject("{\"elements\":[{\"id\":\"urn:li:share:1\",\"author\":\"urn:li:organization:5\","
                + "\"lifecycleState\":\"PUBLISHED\",\"createdAt\":1767225605000,\"commentary\":"
                + jakarta.json.Json.createValue(LittleText.escape(sent)) + "},{\"id\":\"urn:li:share:2\","
                + "\"author\":\"urn:li:organization:6\",\"commentary\":\"x\"}]}").orElseThrow();

        List<PostFound> posts = dev.ore.publisher.platform.linkedin.LinkedInPosts.of(body, "urn:li:organization:5");

        assertThat(posts).singleElement().extracting(PostFound::text).isEqualTo(sent);
    }

    @Test
    void decodesLinkedInHashtagAndMentionTemplates() {
        var body = LenientJson.parseObject("{\"elements\":[{\"id\":\"urn:li:share:1\",\"author\":\"urn:li:organization:5\","
                + "\"commentary\":\"Hi @[Acme](urn:li:organization:5) {hashtag|\\\\#|news}\"}]}").orElseThrow();

        assertThat(dev.ore.publisher.platform.linkedin.LinkedInPosts.of(body, "urn:li:organization:5"))
                .singleElement().extracting(PostFound::text).isEqualTo("Hi Acme #news");
    }

    @Test
    void readsMetaCreatedTimeWithItsCompactOffset() {
        var body = LenientJson.parseObject("{\"data\":[{\"id\":\"1_2\",\"message\":\"Hi\","
                + "\"created_time\":\"2026-01-01T00:00:05+0000\"}]}").orElseThrow();

        assertThat(dev.ore.publisher.platform.meta.MetaPosts.of(body)).singleElement()
                .extracting(PostFound::createdAt).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
    }
}
