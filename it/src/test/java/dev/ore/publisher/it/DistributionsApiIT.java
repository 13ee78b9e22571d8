package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ore.publisher.it.Api.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client API's happy paths and rules, over HTTP, as a client sees them. */
@ExtendWith(ArquillianExtension.class)
class DistributionsApiIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();
    private final String token = TestTokens.publisher(data.team());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void schedulesInlineContentOnTwoPlatformsAndItIsPublished() throws Exception {
        data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        data.account("LINKEDIN", "urn:li:person:1", "li-token-" + UUID.randomUUID());

        Answer created = Api.post("/publishing/distributions", token, """
                {"title":"Launch","body":"We are live","hashtags":["ore","launch"],"linkUrl":"https://example.com/l",
                 "platforms":["X","LINKEDIN"],"publishOnUtc":"%s"}""".formatted(Instant.now().minusSeconds(5)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.array()).hasSize(2);
        JsonObject first = created.array().getJsonObject(0);
        assertThat(created.header("Location")).endsWith("/api/publishing/status/" + first.getString("id"));
        assertThat(first.getString("status")).isEqualTo("SCHEDULED");
        assertThat(first.getInt("maxRetryCount")).isEqualTo(3);
        assertThat(first.getString("retryInterval")).isEqualTo("PT5M");

        String id = first.getString("id");
        JsonObject status = await().atMost(Duration.ofSeconds(30)).until(
                () -> Api.get("/publishing/status/" + id, token).json(),
                json -> json.getString("status").equals("PUBLISHED"));
        assertThat(status.getString("externalPostId")).isNotBlank();
        assertThat(status.getString("postUrl")).contains(status.getString("externalPostId"));
        assertThat(status.getJsonArray("history").stream().map(e -> e.asJsonObject().getString("action")))
                .containsExactly("distribution_scheduled", "content_published");
        assertThat(status.getJsonArray("history").getJsonObject(0).getString("actor"))
                .isEqualTo("tester@ore-publisher.dev");
    }

    @Test
    void aLocalTimeIsResolvedInItsZoneAndAnOverlapTakesTheEarlierOffset() throws Exception {
        data.account("X", "2244994945", "x-token");

        Answer winter = schedule("\"publishOnLocal\":\"2030-01-15T09:30:00\",\"timeZone\":\"Europe/Berlin\"");
        Answer overlap = schedule("\"publishOnLocal\":\"2030-10-27T02:30:00\",\"timeZone\":\"Europe/Berlin\"");

        assertThat(winter.status()).as(winter.body()).isEqualTo(201);
        assertThat(winter.array().getJsonObject(0).getString("publishOnUtc")).isEqualTo("2030-01-15T08:30:00Z");
        assertThat(winter.array().getJsonObject(0).getString("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(overlap.array().getJsonObject(0).getString("publishOnUtc")).isEqualTo("2030-10-27T00:30:00Z");
    }

    @Test
    void aLocalTimeInADaylightSavingGapIsRefusedWithTheJumpNamed() throws Exception {
        data.account("X", "2244994945", "x-token");

        Answer gap = schedule("\"publishOnLocal\":\"2030-03-31T02:30:00\",\"timeZone\":\"Europe/Berlin\"");

        assertThat(gap.status()).isEqualTo(400);
        assertThat(gap.contentType()).startsWith("application/problem+json");
        JsonObject violation = gap.json().getJsonArray("violations").getJsonObject(0);
        assertThat(violation.getString("field")).isEqualTo("publishOnLocal");
        assertThat(violation.getString("message")).contains("does not exist in Europe/Berlin", "02:00", "03:00");
    }

    @Test
    void schedulingWithoutAConnectedAccountIsAConflictNamingThePlatform() {
        Answer answer = schedule("\"publishOnUtc\":\"2030-01-01T00:00:00Z\"", "META");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().getString("detail")).contains("META");
    }

    @Test
    void anIdempotentReplayReturnsTheOriginalAndADifferentBodyConflicts() throws Exception {
        data.account("X", "2244994945", "x-token");
        String key = "key-" + UUID.randomUUID();
        String body = """
                {"title":"Once","body":"Only once","platforms":["X"],"publishOnUtc":"2030-01-01T00:00:00Z"}""";

        Answer first = Api.post("/publishing/distributions", token, body, "Idempotency-Key", key);
        Answer again = Api.post("/publishing/distributions", token, body, "Idempotency-Key", key);
        Answer other = Api.post("/publishing/distributions", token, body.replace("Only once", "Twice?"),
                "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.array().getJsonObject(0).getString("id"))
                .isEqualTo(first.array().getJsonObject(0).getString("id"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(Api.get("/publishing/distributions", token).json().getInt("total")).isEqualTo(1);
    }

    @Test
    void listsTheTeamsDistributionsByPublishTimeWithFiltersAndPages() throws Exception {
        data.account("X", "2244994945", "x-token");
        data.account("META", "1", "meta-token");
        schedule("\"publishOnUtc\":\"2031-01-03T00:00:00Z\"", "X");
        schedule("\"publishOnUtc\":\"2031-01-01T00:00:00Z\"", "X");
        schedule("\"publishOnUtc\":\"2031-01-02T00:00:00Z\"", "META");

        JsonObject all = Api.get("/publishing/distributions?size=2", token).json();
        JsonObject second = Api.get("/publishing/distributions?size=2&page=1", token).json();
        JsonObject onlyX = Api.get("/publishing/distributions?platform=x&from=2031-01-01T00:00:01Z", token).json();

        assertThat(all.getInt("total")).isEqualTo(3);
        assertThat(publishTimes(all)).containsExactly("2031-01-01T00:00:00Z", "2031-01-02T00:00:00Z");
        assertThat(publishTimes(second)).containsExactly("2031-01-03T00:00:00Z");
        assertThat(publishTimes(onlyX)).containsExactly("2031-01-03T00:00:00Z");
        assertThat(Api.get("/publishing/distributions?status=NOPE", token).status()).isEqualTo(400);
        assertThat(Api.get("/publishing/distributions?size=1000", token).status()).isEqualTo(400);
    }

    @Test
    void cancelsAScheduledDistributionOnceAndRetriesAFailedOne() throws Exception {
        data.account("X", "2244994945", "x-token");
        String id = schedule("\"publishOnUtc\":\"2031-06-01T00:00:00Z\"", "X").array().getJsonObject(0).getString("id");

        Answer cancelled = Api.post("/publishing/distributions/" + id + "/cancel", token, "");
        Answer again = Api.post("/publishing/distributions/" + id + "/cancel", token, "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(Api.post("/publishing/distributions/" + id + "/retry", token, "").status()).isEqualTo(409);

        String tooLong = schedule("\"publishOnUtc\":\"2020-01-01T00:00:00Z\"", "X", "x".repeat(300))
                .array().getJsonObject(0).getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get("/publishing/status/" + tooLong, token).json()
                .getString("status").equals("FAILED"));
        Answer retried = Api.post("/publishing/distributions/" + tooLong + "/retry", token, "");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().getInt("attemptCount")).isZero();
        List<String> actions = Api.get("/publishing/status/" + id, token).json().getJsonArray("history").stream()
                .map(e -> e.asJsonObject().getString("action")).toList();
        assertThat(actions).containsExactly("distribution_scheduled", "distribution_cancelled");
    }

    @Test
    void validatesContentPerPlatformWithTheWorkersRules() {
        Answer answer = Api.post("/publishing/validate", token, """
                {"body":"%s","linkUrl":"https://example.com/a-very-long-link-that-still-counts-as-23",
                 "platforms":["X","LINKEDIN"]}""".formatted("a".repeat(260)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject x = answer.array().getJsonObject(0);
        assertThat(x.getString("platform")).isEqualTo("X");
        assertThat(x.getBoolean("valid")).isFalse();
        assertThat(x.getJsonArray("problems").getJsonObject(0).getString("code")).isEqualTo("content_too_long");
        assertThat(answer.array().getJsonObject(1).getBoolean("valid")).isTrue();
    }

    @Test
    void bodiesOfTheWrongMediaTypeOrOverTheSizeLimitAreRefused() {
        Answer plain = Api.send(Api.request("/publishing/distributions", token).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")).build());
        Answer huge = Api.post("/publishing/distributions", token,
                "{\"title\":\"T\",\"body\":\"" + "b".repeat(600_000) + "\",\"platforms\":[\"X\"]}");

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.contentType()).startsWith("application/problem+json");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
    }

    private Answer schedule(String when) {
        return schedule(when, "X");
    }

    private Answer schedule(String when, String platform) {
        return schedule(when, platform, "Body " + UUID.randomUUID());
    }

    private Answer schedule(String when, String platform, String body) {
        return Api.post("/publishing/distributions", token, """
                {"title":"T","body":"%s","platforms":["%s"],%s}""".formatted(body, platform, when));
    }

    private static List<String> publishTimes(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(item -> item.getString("publishOnUtc")).toList();
    }
}
