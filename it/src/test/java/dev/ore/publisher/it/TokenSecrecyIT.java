package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Known token strings go through import, refresh (granted and refused), publish and disconnect;
 * none of them appears in an API answer, an audit row, or the server's log.
 */
@ExtendWith(ArquillianExtension.class)
class TokenSecrecyIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();
    private final TestApi api = new TestApi(data.team());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void knownTokensAppearInNoAnswerAuditRowOrLogLine() throws Exception {
        String secret = "secrecy-" + UUID.randomUUID();
        String importedAccess = secret + "-imported-access";
        String importedRefresh = secret + "-imported-refresh";
        String grantedAccess = secret + "-granted-access";
        String grantedRefresh = secret + "-granted-refresh";
        String doomedAccess = secret + "-doomed-access";
        String doomedRefresh = secret + "-doomed-refresh-revoked";
        List<String> tokens = List.of(importedAccess, importedRefresh, grantedAccess, grantedRefresh, doomedAccess,
                doomedRefresh);
        sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/oauth2/token")).atPriority(1)
                .withFormParam("refresh_token", equalTo(importedRefresh))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"" + grantedAccess
                                + "\",\"refresh_token\":\"" + grantedRefresh + "\"}")));

        // Imported with an expiry inside the refresh skew: the publish refreshes first.
        var imported = api.post("/api/social-media/oauth/connect", """
                {"platform":"X","accountName":"@secrecy","externalAccountId":"2244994945","accessToken":"%s",
                 "refreshToken":"%s","expiresAt":"%s"}""".formatted(importedAccess, importedRefresh,
                Instant.now().plusSeconds(60)));
        assertThat(imported.statusCode()).isEqualTo(201);
        UUID account = UUID.fromString(TestApi.object(imported).getString("id"));
        UUID published = data.distribution(data.content("Secret", "secret " + UUID.randomUUID(), null, null), "X",
                account, Instant.now(), 3, "SCHEDULED");
        await().atMost(Duration.ofSeconds(30)).until(() -> data.status(published), "PUBLISHED"::equals);
        api.get("/api/social-media/accounts");

        // Another team's account whose refresh is refused.
        TestData other = new TestData();
        UUID doomed = other.account("X", "2244994945", doomedAccess, doomedRefresh, Instant.now().plusSeconds(10));
        UUID waiting = other.distribution(other.content("Doomed", "doomed " + UUID.randomUUID(), null, null), "X",
                doomed, Instant.now(), 3, "SCHEDULED");
        await().atMost(Duration.ofSeconds(30)).until(() -> other.status(waiting), "WAITING_FOR_ACCOUNT"::equals);

        assertThat(api.delete("/api/social-media/accounts/" + account).statusCode()).isEqualTo(204);

        assertThat(api.bodies()).isNotEmpty().noneMatch(body -> body.contains(secret));
        List<Map<String, Object>> audit = data.teamAudit();
        audit.addAll(other.teamAudit());
        assertThat(audit).extracting(row -> row.get("action")).contains("account_connected", "token_refreshed",
                "content_published", "account_disconnected", "token_refresh_failed", "account_reauth_required");
        assertThat(audit).allSatisfy(row -> assertThat(row.toString()).doesNotContain(secret));
        String log = Files.readString(Path.of(System.getProperty("test.server.log")), StandardCharsets.UTF_8);
        assertThat(log).isNotEmpty();
        for (String token : tokens) {
            assertThat(log).as("server.log must not contain a token").doesNotContain(token);
        }
        assertThat(log).doesNotContain(secret).doesNotContain("sbx-x-access-").doesNotContain("sbx-x-refresh-");
    }
}
