package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sweep refreshes ahead of use and warns before a refresh token ends; operators move tokens to the active key. */
@ExtendWith(ArquillianExtension.class)
class TokenUpkeepIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theSweepRefreshesATokenThatExpiresBeforeItsNextUse() throws Exception {
        String refresh = "x-refresh-sweep-" + UUID.randomUUID();
        UUID account = data.account("X", "2244994945", "sweep-" + UUID.randomUUID(), refresh,
                Instant.now().plus(15, ChronoUnit.MINUTES));
        data.distribution(data.content("Tomorrow", "tomorrow " + UUID.randomUUID(), null, null), "X", account,
                Instant.now().plus(1, ChronoUnit.DAYS), 3, "SCHEDULED");

        await().atMost(Duration.ofSeconds(30)).until(() -> (Instant) data.account(account).get("expires_at"),
                expiry -> expiry.isAfter(Instant.now().plus(Duration.ofMinutes(100))));

        sandbox.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/2/oauth2/token")).withRequestBody(containing(refresh)));
        assertThat(data.teamAudit()).extracting(row -> row.get("action")).containsExactly("token_refreshed");
    }

    @Test
    void accountsWhoseRefreshTokenEndsWithinAWeekAreFlaggedForReconnecting() throws Exception {
        UUID account = data.account("LINKEDIN", "urn:li:person:8675309", "li-" + UUID.randomUUID(),
                "li-refresh-" + UUID.randomUUID(), Instant.now().plus(30, ChronoUnit.DAYS));
        data.refreshExpiresAt(account, Instant.now().plus(3, ChronoUnit.DAYS));
        TestApi api = new TestApi(data.team());

        await().atMost(Duration.ofSeconds(30)).until(() -> TestApi.array(api.get("/api/social-media/accounts"))
                .getJsonObject(0).getBoolean("reconnectSoon"));
    }

    @Test
    void anOperatorMovesTokensSealedUnderAnOldKeyToTheActiveOne() throws Exception {
        String token = "old-key-" + UUID.randomUUID();
        UUID account = data.account("X", "2244994945", token);
        data.sealAccessTokenWith("t1", account, token);

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestServer.http("/api/admin/token-keys/reencrypt"))
                        .header("Authorization", "Bearer " + TestTokens.admin(data.team()))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject();
        assertThat(body.getInt("reencrypted")).isGreaterThanOrEqualTo(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> ((String) data.account(account).get("access_token")).startsWith("t2:"));
        assertThat(TestTokenSeal.open(account, TestTokenSeal.ACCESS_TOKEN, (String) data.account(account).get("access_token")))
                .isEqualTo(token);
        assertThat(data.teamAudit()).extracting(row -> row.get("action")).containsExactly("tokens_reencrypted");
        assertThat(new TestApi(data.team()).post("/api/admin/token-keys/reencrypt", "{}").statusCode()).isEqualTo(403);
    }
}
