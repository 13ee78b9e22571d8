package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.ore.publisher.it.TestData.AuditRow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed publishes: rate limits wait for the platform's reset, transient errors back off 5, 10,
 * 20, 40 minutes until attempts run out (once reading the account's posts back shows the ambiguous
 * call created nothing), permanent errors fail at once, and content the platform would refuse
 * never leaves the server. Each path writes its audit row.
 */
@ExtendWith(ArquillianExtension.class)
class RetryIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aRateLimitedPostIsRetriedAtThePlatformsResetTime() throws Exception {
        String marker = UUID.randomUUID().toString();
        Instant reset = Instant.now().plus(Duration.ofMinutes(47)).truncatedTo(ChronoUnit.SECONDS);
        stub(post(urlPathEqualTo("/2/tweets")), marker, aResponse().withStatus(429)
                .withHeader("Content-Type", "application/problem+json")
                .withHeader("x-rate-limit-limit", "100")
                .withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", Long.toString(reset.getEpochSecond()))
                .withBody("{\"title\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429,"
                        + "\"detail\":\"Too Many Requests\"}"));
        UUID distribution = due("X", marker, 3);

        Map<String, Object> row = awaitStatus(distribution, "RETRY_SCHEDULED");

        assertThat((Instant) row.get("next_attempt_at")).isEqualTo(reset);
        assertThat(row.get("attempt_count")).isEqualTo(1);
        AuditRow retry = single(distribution, "publish_retry_scheduled");
        assertThat(Instant.parse(retry.metadata().getString("NextAttemptAt"))).isEqualTo(reset);
        assertThat(retry.metadata().getInt("Attempt")).isEqualTo(1);
        assertThat(retry.metadata().getString("ErrorCode")).isEqualTo(row.get("last_error_code"));
    }

    @Test
    void serverErrorsBackOffFiveTenTwentyFortyMinutesThenFail() throws Exception {
        String marker = UUID.randomUUID().toString();
        stub(post(urlPathEqualTo("/rest/posts")), marker, aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":503,\"message\":\"Service Unavailable\"}"));
        UUID distribution = due("LINKEDIN", marker, 4);

        for (int attempt = 1; attempt <= 4; attempt++) {
            int expectedAttempt = attempt;
            Instant before = Instant.now();
            Map<String, Object> row = await().atMost(Duration.ofSeconds(30))
                    .until(() -> data.distribution(distribution), r -> "RETRY_SCHEDULED".equals(r.get("status"))
                            && Integer.valueOf(expectedAttempt).equals(r.get("attempt_count")));
            Duration backoff = Duration.ofMinutes(5L << (attempt - 1));
            assertThat((Instant) row.get("next_attempt_at"))
                    .isBetween(before.plus(backoff).minusSeconds(2), Instant.now().plus(backoff));
            data.makeDue(distribution);
        }

        Map<String, Object> failed = awaitStatus(distribution, "FAILED");
        assertThat(failed.get("attempt_count")).isEqualTo(5);
        assertThat(sandbox.requestsContaining(marker)).hasSize(5);
        // A 5xx on the create call is ambiguous: each attempt is read back three times (the tests'
        // re-check schedule) before it counts as failed.
        List<AuditRow> all = data.audit(distribution);
        assertThat(all).filteredOn(row -> row.action().equals("publish_recheck_scheduled")).hasSize(5 * 2);
        List<AuditRow> audit = all.stream().filter(row -> !row.action().equals("publish_recheck_scheduled")).toList();
        assertThat(audit).extracting(AuditRow::action).containsExactly("publish_retry_scheduled",
                "publish_retry_scheduled", "publish_retry_scheduled", "publish_retry_scheduled",
                "content_publish_failed");
        assertThat(audit.get(4).metadata().getString("Reason")).isEqualTo("attempts_exhausted");
        assertThat(audit.get(0).metadata().getBoolean("Ambiguous")).isTrue();
        assertThat(audit.get(0).metadata().getString("ReadBack")).isEqualTo("not_found");
    }

    @Test
    void aPlatformThatDoesNotAnswerInTimeIsRetriedLater() throws Exception {
        String marker = UUID.randomUUID().toString();
        stub(post(urlPathMatching("/v\\d+\\.0/.*/feed")), marker, aResponse().withStatus(200)
                .withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"1_2\"}"));
        UUID distribution = due("META", marker, 3);
        Instant before = Instant.now();

        Map<String, Object> row = awaitStatus(distribution, "RETRY_SCHEDULED");

        assertThat((Instant) row.get("next_attempt_at")).isCloseTo(before.plus(Duration.ofMinutes(5)),
                within(30, ChronoUnit.SECONDS));
        assertThat(single(distribution, "publish_retry_scheduled").metadata().getBoolean("Ambiguous")).isTrue();
    }

    @Test
    void aPermanentErrorFailsAfterOneAttempt() throws Exception {
        String marker = UUID.randomUUID().toString();
        stub(post(urlPathEqualTo("/2/tweets")), marker, aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403,"
                        + "\"detail\":\"You are not allowed to create a Tweet with duplicate content.\"}"));
        UUID distribution = due("X", marker, 3);

        Map<String, Object> row = awaitStatus(distribution, "FAILED");

        assertThat(row.get("attempt_count")).isEqualTo(1);
        assertThat(row.get("last_error_code")).isEqualTo("duplicate_content");
        assertThat(sandbox.requestsContaining(marker)).hasSize(1);
        AuditRow failed = single(distribution, "content_publish_failed");
        assertThat(failed.metadata().getString("ErrorCode")).isEqualTo("duplicate_content");
        assertThat(failed.metadata().getString("Reason")).isEqualTo("permanent");
    }

    @Test
    void anOverlongXPostFailsWithoutCallingX() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        UUID distribution = data.distribution(data.content("Too long", marker + " " + "a".repeat(260), null, null),
                "X", account, Instant.now(), 3, "SCHEDULED");

        Map<String, Object> row = awaitStatus(distribution, "FAILED");

        assertThat(row.get("last_error_code")).isEqualTo("content_too_long");
        assertThat((String) row.get("last_error_message")).contains("280");
        assertThat(sandbox.requestsContaining(marker)).isEmpty();
        assertThat(single(distribution, "content_publish_failed").metadata().getString("ErrorCode"))
                .isEqualTo("content_too_long");
    }

    @Test
    void aRejectedTokenParksTheDistributionWithoutBurningAnAttempt() throws Exception {
        String marker = UUID.randomUUID().toString();
        stub(post(urlPathEqualTo("/2/tweets")), marker, aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"));
        UUID distribution = due("X", marker, 3);

        Map<String, Object> row = awaitStatus(distribution, "WAITING_FOR_ACCOUNT");

        assertThat(row.get("attempt_count")).isEqualTo(0);
        assertThat(single(distribution, "distribution_waiting_for_account")).isNotNull();
    }

    private UUID due(String platform, String marker, int maxRetryCount) throws Exception {
        String externalId = switch (platform) {
            case "META" -> "546349135390552";
            // An organisation: its posts can be read back, so a 5xx that created nothing is retried.
            case "LINKEDIN" -> "urn:li:organization:5515715";
            default -> "2244994945";
        };
        UUID account = data.account(platform, externalId, platform.toLowerCase() + "-token-" + UUID.randomUUID());
        return data.distribution(data.content(platform + " post", "Post " + marker, null, null), platform, account,
                Instant.now(), maxRetryCount, "SCHEDULED");
    }

    private static void stub(MappingBuilder request, String marker, ResponseDefinitionBuilder response) {
        sandbox.wireMock().stubFor(request.atPriority(1).withRequestBody(containing(marker)).willReturn(response));
    }

    private AuditRow single(UUID distribution, String action) throws Exception {
        List<AuditRow> rows = data.audit(distribution).stream().filter(row -> row.action().equals(action)).toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private Map<String, Object> awaitStatus(UUID distribution, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> data.distribution(distribution),
                row -> status.equals(row.get("status")));
    }
}
