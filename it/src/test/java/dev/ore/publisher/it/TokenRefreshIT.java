package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ore.publisher.it.TestData.AuditRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Tokens are refreshed before a publish when they are about to expire, once per account however
 * many publishes ask, and once more when the platform rejects one; a refused refresh parks the
 * account's distributions until it is reconnected.
 */
@ExtendWith(ArquillianExtension.class)
class TokenRefreshIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void twentyConcurrentPublishesOfAnExpiringAccountRefreshItsTokenExactlyOnce() throws Exception {
        String refresh = "x-refresh-" + UUID.randomUUID();
        String rotatedAccess = "rotated-access-" + UUID.randomUUID();
        String rotatedRefresh = "rotated-refresh-" + UUID.randomUUID();
        // Slow enough that the other publishes queue on the row lock while this refresh is in flight.
        sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/oauth2/token")).atPriority(1)
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(refresh))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(500)
                        .withBody("{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"" + rotatedAccess
                                + "\",\"refresh_token\":\"" + rotatedRefresh + "\"}")));
        UUID account = data.account("X", "2244994945", "expiring-" + UUID.randomUUID(), refresh,
                Instant.now().plusSeconds(60));
        String marker = UUID.randomUUID().toString();
        List<UUID> distributions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            distributions.add(data.distribution(data.content("Burst " + i, "burst " + i + " " + marker, null, null),
                    "X", account, Instant.now(), 3, "SCHEDULED"));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(distributions).stream().allMatch("PUBLISHED"::equals));

        sandbox.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/2/oauth2/token"))
                .withRequestBody(containing(refresh)));
        sandbox.wireMock().verify(20, postRequestedFor(urlPathEqualTo("/2/tweets"))
                .withRequestBody(containing(marker)).withHeader("Authorization", equalTo("Bearer " + rotatedAccess)));
        Map<String, Object> row = data.account(account);
        assertThat(TestTokenSeal.open(account, TestTokenSeal.REFRESH_TOKEN, (String) row.get("refresh_token")))
                .isEqualTo(rotatedRefresh);
        assertThat(TestTokenSeal.open(account, TestTokenSeal.ACCESS_TOKEN, (String) row.get("access_token")))
                .isEqualTo(rotatedAccess);
        assertThat((Instant) row.get("expires_at")).isAfter(Instant.now().plus(Duration.ofMinutes(100)));
        assertThat((Instant) row.get("last_used_at")).isNotNull();
        assertThat(data.teamAudit()).extracting(audit -> audit.get("action")).containsOnlyOnce("token_refreshed");
    }

    @Test
    void aRefusedRefreshParksDistributionsWithoutBurningAttemptsUntilTheAccountIsReconnected() throws Exception {
        UUID account = data.account("X", "2244994945", "dying-" + UUID.randomUUID(),
                "x-refresh-revoked-" + UUID.randomUUID(), Instant.now().plusSeconds(30));
        String marker = UUID.randomUUID().toString();
        UUID distribution = data.distribution(data.content("Parked", "parked " + marker, null, null), "X", account,
                Instant.now(), 3, "SCHEDULED");

        await().atMost(Duration.ofSeconds(30)).until(() -> data.status(distribution), "WAITING_FOR_ACCOUNT"::equals);

        assertThat(data.account(account).get("status")).isEqualTo("REAUTH_REQUIRED");
        assertThat(data.distribution(distribution).get("attempt_count")).isEqualTo(0);
        assertThat(sandbox.requestsContaining(marker)).isEmpty();
        assertThat(data.teamAudit()).extracting(audit -> audit.get("action"))
                .contains("token_refresh_failed", "account_reauth_required");
        assertThat(data.teamAudit()).filteredOn(audit -> "token_refresh_failed".equals(audit.get("action")))
                .allMatch(audit -> ((String) audit.get("metadata")).contains("\"refused\""));

        TestApi api = new TestApi(data.team());
        String fresh = "reconnected-" + UUID.randomUUID();
        assertThat(api.post("/api/social-media/oauth/connect", """
                {"platform":"X","accountName":"@ore_demo","externalAccountId":"2244994945","accessToken":"%s"}"""
                .formatted(fresh)).statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> data.status(distribution), "PUBLISHED"::equals);
        assertThat(data.distribution(distribution).get("attempt_count")).isEqualTo(1);
        sandbox.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/2/tweets"))
                .withRequestBody(containing(marker)).withHeader("Authorization", equalTo("Bearer " + fresh)));
        assertThat(data.audit(distribution)).extracting(AuditRow::action)
                .containsExactly("distribution_waiting_for_account", "distribution_resumed", "content_published");
    }

    @Test
    void aTokenThePlatformRejectsIsRefreshedOnceAndThePostSentOnceMore() throws Exception {
        String stale = "stale-" + UUID.randomUUID();
        String refresh = "x-refresh-" + UUID.randomUUID();
        sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/tweets")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + stale))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));
        UUID account = data.account("X", "2244994945", stale, refresh, null);
        String marker = UUID.randomUUID().toString();
        UUID distribution = data.distribution(data.content("Rejected", "rejected " + marker, null, null), "X",
                account, Instant.now(), 3, "SCHEDULED");

        await().atMost(Duration.ofSeconds(30)).until(() -> data.status(distribution), "PUBLISHED"::equals);

        assertThat(sandbox.requestsContaining(marker)).hasSize(2);
        sandbox.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/2/oauth2/token"))
                .withRequestBody(containing(refresh)));
        assertThat(data.distribution(distribution).get("attempt_count")).isEqualTo(1);
        assertThat(data.account(account).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aDeadMetaPageTokenMeansReauthorisationSinceMetaHasNoRefreshGrant() throws Exception {
        UUID account = data.account("META", "546349135390552", "page-" + UUID.randomUUID());
        UUID distribution = data.distribution(data.content("Dead page token", "sandbox:expired-token " + UUID.randomUUID(),
                null, null), "META", account, Instant.now(), 3, "SCHEDULED");

        await().atMost(Duration.ofSeconds(30)).until(() -> data.status(distribution), "WAITING_FOR_ACCOUNT"::equals);

        assertThat(data.account(account).get("status")).isEqualTo("REAUTH_REQUIRED");
        assertThat(data.distribution(distribution).get("attempt_count")).isEqualTo(0);
        assertThat(data.teamAudit()).filteredOn(audit -> "token_refresh_failed".equals(audit.get("action")))
                .singleElement().satisfies(audit -> assertThat((String) audit.get("metadata")).contains("no_refresh_token"));
    }

    @Test
    void aTransientRefreshFailureRetriesLaterAndDisconnectsNothing() throws Exception {
        String refresh = "x-refresh-flaky-" + UUID.randomUUID();
        sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/oauth2/token")).atPriority(1)
                .withFormParam("refresh_token", equalTo(refresh))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"temporarily_unavailable\"}")));
        UUID account = data.account("X", "2244994945", "expired-" + UUID.randomUUID(), refresh,
                Instant.now().minusSeconds(60));
        UUID distribution = data.distribution(data.content("Flaky", "flaky " + UUID.randomUUID(), null, null), "X",
                account, Instant.now(), 3, "SCHEDULED");

        await().atMost(Duration.ofSeconds(30)).until(() -> data.status(distribution), "RETRY_SCHEDULED"::equals);

        assertThat(data.distribution(distribution).get("last_error_code")).isEqualTo("token_refresh_unavailable");
        assertThat(data.account(account).get("status")).isEqualTo("ACTIVE");
        assertThat(data.teamAudit()).filteredOn(audit -> "token_refresh_failed".equals(audit.get("action")))
                .allMatch(audit -> ((String) audit.get("metadata")).contains("\"transient\""));
    }

    private List<String> statuses(List<UUID> distributions) throws Exception {
        List<String> statuses = new ArrayList<>();
        for (UUID id : distributions) {
            statuses.add(data.status(id));
        }
        return statuses;
    }
}
