package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ore.publisher.it.TestData.AuditRow;
import dev.ore.publisher.sandbox.SandboxPosts;
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
 * Zero lost, zero duplicates: a distribution a dead node left PUBLISHING, and a create call whose
 * answer was ambiguous, are settled by reading the account's posts back from the sandbox, which
 * remembers what it created ({@link SandboxPosts}). Found → PUBLISHED with the found id and no
 * second create; not found → published once; cannot tell → UNKNOWN_OUTCOME.
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryIT {

    private static final String X_USER = "2244994945";
    private static final String PAGE = "546349135390552";
    private static final String ORGANISATION = "urn:li:organization:5515715";

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anExpiredLeaseWhosePostExistsIsPublishedWithTheFoundIdAndNotSentAgain() throws Exception {
        String marker = UUID.randomUUID().toString();
        String token = "x-token-" + UUID.randomUUID();
        UUID account = data.account("X", X_USER, token);
        UUID distribution = data.distribution(data.content("Recovered", "Recovered & safe " + marker, null,
                "https://example.com/recovered"), "X", account, Instant.now(), 3, "SCHEDULED");
        // The dead node's create had reached X; X shows the link as t.co and escapes the ampersand.
        SandboxPosts.Post sent = sandbox.posts().created("x:Bearer " + token,
                "Recovered & safe " + marker + "\nhttps://example.com/recovered");
        data.leftPublishingByADeadNode(distribution, Duration.ofMinutes(6));

        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        assertThat(row.get("external_post_id")).isEqualTo(sent.id());
        assertThat(row.get("attempt_count")).isEqualTo(1);
        assertThat(row.get("claimed_by")).isNull();
        assertThat(sandbox.requestsContaining(marker)).isEmpty();
        AuditRow published = single(distribution, "content_published");
        assertThat(published.metadata().getBoolean("Reconciled")).isTrue();
        assertThat(published.metadata().getString("Reason")).isEqualTo("lease_expired");
        assertThat(published.metadata().getString("ExternalPostId")).isEqualTo(sent.id());
    }

    @Test
    void anExpiredLeaseWhosePostDoesNotExistIsReadBackAgainThenGoesBackToTheRetryPathAndIsPublishedOnce()
            throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID account = data.account("META", PAGE, "meta-token-" + UUID.randomUUID());
        UUID distribution = data.distribution(data.content("Lost", "Lost " + marker, null, null), "META", account,
                Instant.now(), 3, "SCHEDULED");
        data.leftPublishingByADeadNode(distribution, Duration.ofMinutes(6));

        Map<String, Object> retry = awaitStatus(distribution, "RETRY_SCHEDULED");
        assertThat(retry.get("last_error_code")).isEqualTo("lease_expired");
        // The tests' schedule: read back at once, then twice more (PUBLISHER_RECONCILIATION_RECHECKS).
        List<AuditRow> rechecks = all(distribution, "publish_recheck_scheduled");
        assertThat(rechecks).extracting(row -> row.metadata().getInt("ReadBacks")).containsExactly(1, 2);
        assertThat(rechecks.get(0).metadata().getString("Reason")).isEqualTo("lease_expired");
        AuditRow scheduled = single(distribution, "publish_retry_scheduled");
        assertThat(scheduled.metadata().getString("Reason")).isEqualTo("recheck");
        assertThat(scheduled.metadata().getString("ReadBack")).isEqualTo("not_found");
        assertThat(scheduled.metadata().getInt("ReadBacks")).isEqualTo(3);
        assertThat(sandbox.requestsContaining(marker)).isEmpty();
        data.makeDue(distribution);

        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        assertThat(sandbox.requestsContaining(marker)).hasSize(1);
        assertThat(row.get("attempt_count")).isEqualTo(2);
        assertThat((String) row.get("external_post_id")).isEqualTo(sandbox.posts().posts(PAGE).stream()
                .filter(post -> post.text().contains(marker)).findFirst().orElseThrow().id());
    }

    @Test
    void aPostThePlatformListsLateIsFoundByARecheckAndNotSentAgain() throws Exception {
        String marker = UUID.randomUUID().toString();
        String token = "x-token-" + UUID.randomUUID();
        // The create reaches X but the answer is a 503, and X's listing does not show the post yet.
        sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/tweets")).atPriority(1)
                .withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Service Unavailable\",\"status\":503}")));
        UUID account = data.account("X", X_USER, token);
        UUID distribution = data.distribution(data.content("Late", "Listed late " + marker, null, null), "X",
                account, Instant.now(), 3, "SCHEDULED");
        awaitStatus(distribution, "RECHECK_SCHEDULED");

        SandboxPosts.Post late = sandbox.posts().created("x:Bearer " + token, "Listed late " + marker);
        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        assertThat(row.get("external_post_id")).isEqualTo(late.id());
        assertThat(row.get("attempt_count")).isEqualTo(1);
        assertThat(sandbox.requestsContaining(marker)).hasSize(1);
        assertThat(all(distribution, "publish_recheck_scheduled")).isNotEmpty();
        AuditRow published = single(distribution, "content_published");
        assertThat(published.metadata().getString("Reason")).isEqualTo("recheck");
        assertThat(published.metadata().getBoolean("Reconciled")).isTrue();
    }

    @Test
    void aLiveNodeRenewsTheLeaseOfACallThatOutlastsIt() throws Exception {
        String marker = UUID.randomUUID().toString();
        // Longer than the tests' renewal interval (PT1S), shorter than their read timeout (PT2S).
        sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/tweets")).atPriority(1)
                .withRequestBody(containing(marker))
                .withMetadata(Map.of("sandbox", Map.of("created", true)))
                .willReturn(aResponse().withStatus(201).withFixedDelay(1_900)
                        .withHeader("Content-Type", "application/json").withBody("{}")));
        UUID account = data.account("X", X_USER, "x-token-" + UUID.randomUUID());
        UUID distribution = data.distribution(data.content("Slow", "Slow " + marker, null, null), "X", account,
                Instant.now(), 3, "SCHEDULED");

        // Claimed with lease_until = attempted_at + lease (PT4S); renewed while the call runs.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> data.leaseBeyondClaim(distribution), beyond -> beyond != null && beyond.toMillis() > 4_000);
        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        assertThat(row.get("claimed_by")).isNull();
        assertThat(sandbox.requestsContaining(marker)).hasSize(1);
        assertThat(data.audit(distribution)).extracting(AuditRow::action)
                .containsExactly("content_published");
    }

    @Test
    void aPostOnALaterPageOfTheListingIsFound() throws Exception {
        String marker = UUID.randomUUID().toString();
        String token = "x-token-" + UUID.randomUUID();
        UUID account = data.account("X", X_USER, token);
        UUID distribution = data.distribution(data.content("Busy", "Busy account " + marker, null, null), "X",
                account, Instant.now(), 3, "SCHEDULED");
        SandboxPosts.Post ours = sandbox.posts().created("x:Bearer " + token, "Busy account " + marker);
        for (int i = 0; i < 150; i++) {
            // Newer posts push ours onto the listing's second page (X pages 100 at most).
            sandbox.posts().created("x:Bearer " + token, "Another post " + i + " " + marker);
        }
        data.leftPublishingByADeadNode(distribution, Duration.ofMinutes(6));

        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        assertThat(row.get("external_post_id")).isEqualTo(ours.id());
        assertThat(sandbox.requestsContaining(marker)).isEmpty();
        assertThat(sandbox.wireMock().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/2/users/" + X_USER + "/tweets"))
                .filter(event -> event.getRequest().getHeader("Authorization").equals("Bearer " + token)))
                .as("listing calls for this account").hasSize(2);
    }

    @Test
    void anExpiredLeaseOfALinkedInMemberCannotBeToldAndWaitsForAnOperator() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID account = data.account("LINKEDIN", "urn:li:person:8675309", "li-token-" + UUID.randomUUID());
        UUID distribution = data.distribution(data.content("Member", "Member " + marker, null, null), "LINKEDIN",
                account, Instant.now(), 3, "SCHEDULED");
        data.leftPublishingByADeadNode(distribution, Duration.ofMinutes(6));

        Map<String, Object> row = awaitStatus(distribution, "UNKNOWN_OUTCOME");

        assertThat(row.get("last_error_code")).isEqualTo("linkedin_member_unreadable");
        assertThat(row.get("claimed_by")).isNull();
        assertThat(sandbox.requestsContaining(marker)).isEmpty();
        AuditRow unknown = single(distribution, "publish_outcome_unknown");
        assertThat(unknown.metadata().getString("Reason")).isEqualTo("lease_expired");
    }

    @Test
    void anXPostCreatedButAnswered500IsReconciledWithoutADuplicate() throws Exception {
        String marker = UUID.randomUUID().toString();
        String token = "x-token-" + UUID.randomUUID();
        createdButAnswered500("/2/tweets", marker);
        UUID account = data.account("X", X_USER, token);
        UUID distribution = data.distribution(data.content("Flaky X", "Flaky <X> " + marker, "#news",
                "https://example.com/flaky"), "X", account, Instant.now(), 3, "SCHEDULED");

        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        assertThat(sandbox.requestsContaining(marker)).hasSize(1);
        List<SandboxPosts.Post> created = sandbox.posts().posts("x:Bearer " + token);
        assertThat(created).hasSize(1);
        assertThat(row.get("external_post_id")).isEqualTo(created.get(0).id());
        AuditRow published = single(distribution, "content_published");
        assertThat(published.metadata().getBoolean("Reconciled")).isTrue();
        assertThat(published.metadata().getString("Reason")).isEqualTo("transient");
    }

    @Test
    void aLinkedInOrganisationPostCreatedButAnswered500IsReconciledDespiteLittleTextEscaping() throws Exception {
        String marker = UUID.randomUUID().toString();
        createdButAnswered500("/rest/posts", marker);
        UUID account = data.account("LINKEDIN", ORGANISATION, "li-token-" + UUID.randomUUID());
        UUID distribution = data.distribution(data.content("Flaky LinkedIn", "Launch (beta) *today* " + marker,
                "#news #ore_publisher", null), "LINKEDIN", account, Instant.now(), 3, "SCHEDULED");

        Map<String, Object> row = awaitStatus(distribution, "PUBLISHED");

        assertThat(sandbox.requestsContaining(marker)).hasSize(1);
        SandboxPosts.Post created = sandbox.posts().posts(ORGANISATION).stream()
                .filter(post -> post.text().contains(marker)).findFirst().orElseThrow();
        assertThat(created.text()).contains("\\(beta\\)");
        assertThat(row.get("external_post_id")).isEqualTo(created.id());
        assertThat(single(distribution, "content_published").metadata().getBoolean("Reconciled")).isTrue();
    }

    /** The sandbox creates the post (and lists it from then on) but answers 500. */
    private static void createdButAnswered500(String path, String marker) {
        sandbox.wireMock().stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(containing(marker))
                .withMetadata(Map.of("sandbox", Map.of("created", true)))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":500,\"message\":\"Internal Server Error\"}")));
    }

    private List<AuditRow> all(UUID distribution, String action) throws Exception {
        return data.audit(distribution).stream().filter(row -> row.action().equals(action)).toList();
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
