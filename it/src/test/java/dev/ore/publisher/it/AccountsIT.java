package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens a client already holds are stored sealed; accounts are listed without them and disconnected for good. */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();
    private final TestApi api = new TestApi(data.team());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void importsTokensSealedAndListsTheAccountWithoutThem() throws Exception {
        String access = "import-access-" + UUID.randomUUID();
        String refresh = "import-refresh-" + UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> imported = api.post("/api/social-media/oauth/connect", """
                {"platform":"X","accountName":"@ore_import","externalAccountId":"2244994945",
                 "accessToken":"%s","refreshToken":"%s","expiresAt":"%s"}""".formatted(access, refresh, expiresAt));

        assertThat(imported.statusCode()).isEqualTo(201);
        JsonObject account = TestApi.object(imported);
        assertThat(account.getString("platform")).isEqualTo("X");
        assertThat(account.getString("accountName")).isEqualTo("@ore_import");
        assertThat(account.getString("status")).isEqualTo("ACTIVE");
        assertThat(Instant.parse(account.getString("expiresAt"))).isEqualTo(expiresAt);
        UUID id = UUID.fromString(account.getString("id"));

        Map<String, Object> row = data.account(id);
        assertThat((String) row.get("access_token")).startsWith("t2:").doesNotContain(access);
        assertThat(TestTokenSeal.open(id, TestTokenSeal.ACCESS_TOKEN, (String) row.get("access_token"))).isEqualTo(access);
        assertThat(TestTokenSeal.open(id, TestTokenSeal.REFRESH_TOKEN, (String) row.get("refresh_token")))
                .isEqualTo(refresh);

        HttpResponse<String> list = api.get("/api/social-media/accounts");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(TestApi.array(list)).hasSize(1);
        assertThat(TestApi.array(list).getJsonObject(0).getString("id")).isEqualTo(id.toString());
        assertThat(TestApi.array(list).getJsonObject(0).keySet()).contains("platform", "accountName", "status",
                "expiresAt", "lastUsedAt");
        assertThat(api.bodies()).noneMatch(body -> body.contains(access) || body.contains(refresh));
        assertThat(data.teamAudit()).extracting(audit -> audit.get("action")).containsExactly("account_connected");
    }

    @Test
    void connectingThePlatformAgainReplacesTheTokensOfTheOneAccount() throws Exception {
        String first = TestApi.object(importX("again-1-" + UUID.randomUUID())).getString("id");
        HttpResponse<String> second = importX("again-2-" + UUID.randomUUID());

        assertThat(TestApi.object(second).getString("id")).isEqualTo(first);
        assertThat(TestApi.array(api.get("/api/social-media/accounts"))).hasSize(1);
    }

    @Test
    void refusesAnImportWithoutAccountNameAndAConnectWithoutEither() {
        assertThat(api.post("/api/social-media/oauth/connect", "{\"platform\":\"X\",\"accessToken\":\"t\"}")
                .statusCode()).isEqualTo(400);
        assertThat(api.post("/api/social-media/oauth/connect", "{\"platform\":\"X\"}").statusCode()).isEqualTo(400);
        assertThat(api.post("/api/social-media/oauth/connect", "{\"platform\":\"MYSPACE\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void anotherTeamNeitherSeesNorDisconnectsTheAccount() {
        String id = TestApi.object(importX("private-" + UUID.randomUUID())).getString("id");
        TestApi stranger = new TestApi(UUID.randomUUID());

        assertThat(TestApi.array(stranger.get("/api/social-media/accounts"))).isEmpty();
        assertThat(stranger.delete("/api/social-media/accounts/" + id).statusCode()).isEqualTo(404);
        assertThat(TestApi.array(api.get("/api/social-media/accounts"))).hasSize(1);
    }

    @Test
    void disconnectRevokesAtThePlatformWipesTheTokensAndCancelsWhatWasPending() throws Exception {
        String access = "disconnect-access-" + UUID.randomUUID();
        UUID id = UUID.fromString(TestApi.object(importX(access)).getString("id"));
        UUID pending = data.distribution(data.content("Later", "later " + UUID.randomUUID(), null, null), "X", id,
                Instant.now().plus(1, ChronoUnit.DAYS), 3, "SCHEDULED");

        HttpResponse<String> deleted = api.delete("/api/social-media/accounts/" + id);

        assertThat(deleted.statusCode()).isEqualTo(204);
        sandbox.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/2/oauth2/revoke"))
                .withFormParam("token", equalTo(access)));
        Map<String, Object> row = data.account(id);
        assertThat(row.get("status")).isEqualTo("DISCONNECTED");
        assertThat(row.get("access_token")).isEqualTo("");
        assertThat(row.get("refresh_token")).isNull();
        assertThat(data.status(pending)).isEqualTo("CANCELLED");
        assertThat(data.distribution(pending).get("last_error_code")).isEqualTo("account_disconnected");
        assertThat(data.audit(pending)).extracting(TestData.AuditRow::action).containsExactly("distribution_cancelled");
        assertThat(data.teamAudit()).extracting(audit -> audit.get("action"))
                .contains("account_connected", "account_disconnected");
        assertThat(TestApi.array(api.get("/api/social-media/accounts"))).isEmpty();
        assertThat(api.delete("/api/social-media/accounts/" + id).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> importX(String accessToken) {
        HttpResponse<String> response = api.post("/api/social-media/oauth/connect", """
                {"platform":"X","accountName":"@ore_demo","externalAccountId":"2244994945","accessToken":"%s"}"""
                .formatted(accessToken));
        assertThat(response.statusCode()).isEqualTo(201);
        return response;
    }
}
