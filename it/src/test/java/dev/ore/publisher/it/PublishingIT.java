package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ore.publisher.it.TestData.AuditRow;
import java.time.Duration;
import java.time.Instant;
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
 * Due distributions go out through the timer and the batch job, once each, in the shape each
 * platform's API expects; the outcome and its audit row land in the database.
 */
@ExtendWith(ArquillianExtension.class)
class PublishingIT {

    /** Audit rows are written as text arrays (AuditTrail.recordAll): quotes, braces, commas, backslashes and non-ASCII survive. */
    private static final String AWKWARD_TITLE = "Meta launch: \"day\", {1} back\\slash ünïcödé";


    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void publishesADuePostToXOnceAsApiV2Expects() throws Exception {
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        String text = "Hello from Ore " + UUID.randomUUID();
        UUID distribution = data.distribution(data.content("X launch", text, null, null), "X", account,
                Instant.now(), 3, "SCHEDULED");

        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        List<LoggedRequest> calls = sandbox.requestsContaining(text);
        assertThat(calls).hasSize(1);
        sandbox.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/2/tweets"))
                .withHeader("Authorization", matchingBearer())
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"text\":\"" + text + "\"}")));
        assertThat((String) row.get("external_post_id")).matches("\\d{19}");
        assertThat(row.get("attempt_count")).isEqualTo(1);
        assertPublishedAudit(distribution, "X", "X launch", (String) row.get("external_post_id"));
    }

    @Test
    void publishesADuePostToLinkedInWithVersionHeadersAndEscapedCommentary() throws Exception {
        UUID account = data.account("LINKEDIN", "urn:li:person:8675309", "li-token-" + UUID.randomUUID());
        String marker = UUID.randomUUID().toString();
        UUID distribution = data.distribution(data.content("LinkedIn launch", "We (finally) shipped " + marker, null,
                "https://example.com/a"), "LINKEDIN", account, Instant.now(), 3, "SCHEDULED");

        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        assertThat(sandbox.requestsContaining(marker)).hasSize(1);
        sandbox.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/rest/posts"))
                .withHeader("Authorization", matchingBearer())
                .withHeader("LinkedIn-Version", equalTo("202601"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .withRequestBody(matchingJsonPath("$.author", equalTo("urn:li:person:8675309")))
                .withRequestBody(matchingJsonPath("$.commentary", equalTo("We \\(finally\\) shipped " + marker)))
                .withRequestBody(matchingJsonPath("$.visibility", equalTo("PUBLIC")))
                .withRequestBody(matchingJsonPath("$.lifecycleState", equalTo("PUBLISHED")))
                .withRequestBody(matchingJsonPath("$.content.article.source", equalTo("https://example.com/a"))));
        assertThat((String) row.get("external_post_id")).matches("urn:li:share:\\d{19}");
        assertPublishedAudit(distribution, "LINKEDIN", "LinkedIn launch", (String) row.get("external_post_id"));
    }

    @Test
    void publishesADuePostToAFacebookPageFeedWithItsLink() throws Exception {
        UUID account = data.account("META", "546349135390552", "meta-token-" + UUID.randomUUID());
        String marker = UUID.randomUUID().toString();
        UUID distribution = data.distribution(data.content(AWKWARD_TITLE, "New article " + marker, null,
                "https://example.com/b"), "META", account, Instant.now(), 3, "SCHEDULED");

        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        assertThat(sandbox.requestsContaining(marker)).hasSize(1);
        sandbox.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/v21.0/546349135390552/feed"))
                .withHeader("Authorization", matchingBearer())
                .withRequestBody(matchingJsonPath("$.message", equalTo("New article " + marker)))
                .withRequestBody(matchingJsonPath("$.link", equalTo("https://example.com/b"))));
        assertThat((String) row.get("external_post_id")).startsWith("546349135390552_");
        assertPublishedAudit(distribution, "META", AWKWARD_TITLE, (String) row.get("external_post_id"));
        assertThat(row.get("version")).as("inserted, claimed, settled").isEqualTo(2L);
        assertThat(row.get("claimed_by")).isNull();
    }

    @Test
    void leavesDistributionsThatAreNotDueOrCancelledAlone() throws Exception {
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        String later = "later " + UUID.randomUUID();
        String cancelled = "cancelled " + UUID.randomUUID();
        String now = "now " + UUID.randomUUID();
        UUID notDue = data.distribution(data.content("Later", later, null, null), "X", account,
                Instant.now().plus(Duration.ofHours(1)), 3, "SCHEDULED");
        UUID wasCancelled = data.distribution(data.content("Cancelled", cancelled, null, null), "X", account,
                Instant.now().minusSeconds(60), 3, "CANCELLED");
        UUID due = data.distribution(data.content("Now", now, null, null), "X", account, Instant.now(), 3,
                "SCHEDULED");

        awaitStatus(due, "PUBLISHED");

        assertThat(data.status(notDue)).isEqualTo("SCHEDULED");
        assertThat(data.status(wasCancelled)).isEqualTo("CANCELLED");
        assertThat(data.distribution(notDue).get("attempt_count")).isEqualTo(0);
        assertThat(sandbox.requestsContaining(later)).isEmpty();
        assertThat(sandbox.requestsContaining(cancelled)).isEmpty();
        assertThat(data.audit(notDue)).isEmpty();
    }

    private void assertPublishedAudit(UUID distribution, String platform, String title, String externalPostId)
            throws Exception {
        List<AuditRow> audit = data.audit(distribution);
        assertThat(audit).extracting(AuditRow::action).containsExactly("content_published");
        AuditRow published = audit.get(0);
        assertThat(published.teamId()).isEqualTo(data.team());
        assertThat(published.actor()).isEqualTo("system");
        assertThat(published.metadata().getString("ExternalPostId")).isEqualTo(externalPostId);
        assertThat(published.metadata().getString("Platform")).isEqualTo(platform);
        assertThat(published.metadata().getString("Title")).isEqualTo(title);
        assertThat(Instant.parse(published.metadata().getString("PublishedAt"))).isBefore(Instant.now());
        assertThat(published.metadata().toString()).doesNotContain("token");
    }

    private Map<String, Object> awaitStatus(UUID distribution, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> data.distribution(distribution),
                row -> status.equals(row.get("status")));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern matchingBearer() {
        return com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer \\S+-token-.+");
    }
}
