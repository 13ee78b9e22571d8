package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
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
 * The authorization-code flow against the sandbox: connect gives an authorization URL and a
 * state; the sandbox's authorize stub redirects back with a code; the callback exchanges it (the
 * stub checks the form, the test checks the PKCE pair) and stores the account.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthConnectIT {

    private static final String REDIRECT = "https://app.ore-publisher.dev/oauth/callback";

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();
    private final TestApi api = new TestApi(data.team());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void connectsAnXAccountThroughAuthorizationCodeWithPkce() throws Exception {
        JsonObject started = start("X");
        URI authorizationUrl = URI.create(started.getString("authorizationUrl"));
        Map<String, String> authorize = query(authorizationUrl);
        assertThat(authorize).containsEntry("state", started.getString("state"))
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", REDIRECT)
                .containsEntry("client_id", "sandbox-x-client");
        assertThat(authorize.get("scope")).contains("tweet.write", "users.read", "offline.access");

        Map<String, String> callback = followToCallback(authorizationUrl);
        assertThat(callback.get("state")).isEqualTo(started.getString("state"));
        HttpResponse<String> connected = api.open(callbackUri(callback.get("code"), callback.get("state"), null));

        assertThat(connected.statusCode()).isEqualTo(200);
        JsonObject account = TestApi.object(connected);
        assertThat(account.getString("platform")).isEqualTo("X");
        assertThat(account.getString("accountName")).isEqualTo("@ore_demo");
        assertThat(account.getString("externalAccountId")).isEqualTo("2244994945");
        assertThat(account.getString("status")).isEqualTo("ACTIVE");

        LoggedRequest exchange = tokenRequestWithCode(callback.get("code"));
        Map<String, String> form = form(exchange.getBodyAsString());
        assertThat(challenge(form.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("redirect_uri", REDIRECT);
        assertThat(exchange.getHeader("Authorization")).startsWith("Basic ");

        UUID id = UUID.fromString(account.getString("id"));
        String stored = (String) data.account(id).get("access_token");
        assertThat(TestTokenSeal.open(id, TestTokenSeal.ACCESS_TOKEN, stored)).startsWith("sbx-x-access-");
        assertThat(TestTokenSeal.open(id, TestTokenSeal.REFRESH_TOKEN, (String) data.account(id).get("refresh_token")))
                .startsWith("sbx-x-refresh-");
        assertThat(connected.body()).doesNotContain("sbx-x-access-", "sbx-x-refresh-");
        assertThat(data.teamAudit()).extracting(row -> row.get("action")).containsExactly("account_connected");

        HttpResponse<String> reused = api.open(callbackUri(callback.get("code"), callback.get("state"), null));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("unknown, already used or expired");
    }

    @Test
    void connectsALinkedInMemberAsAuthorUrnWithClientSecret() throws Exception {
        JsonObject started = start("LINKEDIN");
        Map<String, String> authorize = query(URI.create(started.getString("authorizationUrl")));
        assertThat(authorize.get("scope")).isEqualTo("openid profile w_member_social");
        assertThat(authorize).doesNotContainKey("code_challenge");

        Map<String, String> callback = followToCallback(URI.create(started.getString("authorizationUrl")));
        HttpResponse<String> connected = api.open(callbackUri(callback.get("code"), callback.get("state"), null));

        assertThat(connected.statusCode()).isEqualTo(200);
        JsonObject account = TestApi.object(connected);
        assertThat(account.getString("platform")).isEqualTo("LINKEDIN");
        assertThat(account.getString("externalAccountId")).isEqualTo("urn:li:person:8675309");
        assertThat(account.getString("accountName")).isEqualTo("Ore Demo");
        assertThat(Instant.parse(account.getString("refreshExpiresAt"))).isAfter(Instant.now().plus(Duration.ofDays(300)));
        UUID id = UUID.fromString(account.getString("id"));
        assertThat(TestTokenSeal.open(id, TestTokenSeal.ACCESS_TOKEN, (String) data.account(id).get("access_token")))
                .startsWith("sbx-li-access-");
        sandbox.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/oauth/v2/accessToken"))
                .withFormParam("client_secret", com.github.tomakehurst.wiremock.client.WireMock.equalTo("sandbox-linkedin-secret"))
                .withFormParam("code", com.github.tomakehurst.wiremock.client.WireMock.equalTo("sandbox-linkedin-code")));
    }

    @Test
    void connectsAFacebookPageWithItsPageToken() throws Exception {
        JsonObject started = start("META");
        Map<String, String> authorize = query(URI.create(started.getString("authorizationUrl")));
        assertThat(authorize.get("scope")).isEqualTo("pages_show_list,pages_manage_posts,pages_read_engagement");

        Map<String, String> callback = followToCallback(URI.create(started.getString("authorizationUrl")));
        HttpResponse<String> connected = api.open(callbackUri(callback.get("code"), callback.get("state"), null));

        assertThat(connected.statusCode()).isEqualTo(200);
        JsonObject account = TestApi.object(connected);
        assertThat(account.getString("platform")).isEqualTo("META");
        assertThat(account.getString("externalAccountId")).isEqualTo("546349135390552");
        assertThat(account.getString("accountName")).isEqualTo("Ore Demo Page");
        assertThat(account.isNull("expiresAt")).isTrue();
        UUID id = UUID.fromString(account.getString("id"));
        assertThat(TestTokenSeal.open(id, TestTokenSeal.ACCESS_TOKEN, (String) data.account(id).get("access_token")))
                .startsWith("sbx-meta-page-");
        assertThat(data.account(id).get("refresh_token")).isNull();
    }

    @Test
    void aDeniedAuthorizationStoresNothing() throws Exception {
        String state = start("X").getString("state");

        HttpResponse<String> denied = api.open(callbackUri(null, state, "access_denied"));

        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(denied.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(denied.body()).contains("did not authorise");
        assertThat(TestApi.array(api.get("/api/social-media/accounts"))).isEmpty();
        assertThat(data.teamAudit()).isEmpty();
    }

    @Test
    void anUnknownStateOrAFailedExchangeStoresNothing() throws Exception {
        HttpResponse<String> unknown = api.open(callbackUri("sandbox-x-code.whatever", "no-such-state-" + UUID.randomUUID(),
                null));
        String state = start("X").getString("state");
        HttpResponse<String> badCode = api.open(callbackUri("not-a-sandbox-code", state, null));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(badCode.body()).contains("X refused the authorization code");
        assertThat(TestApi.array(api.get("/api/social-media/accounts"))).isEmpty();
    }

    @Test
    void startingNeedsAnAbsoluteRedirectUri() {
        assertThat(api.post("/api/social-media/oauth/connect", "{\"platform\":\"X\",\"redirectUri\":\"/relative\"}")
                .statusCode()).isEqualTo(400);
    }

    private JsonObject start(String platform) {
        HttpResponse<String> response = api.post("/api/social-media/oauth/connect",
                "{\"platform\":\"%s\",\"redirectUri\":\"%s\"}".formatted(platform, REDIRECT));
        assertThat(response.statusCode()).isEqualTo(200);
        return TestApi.object(response);
    }

    /** The user's browser at the platform: the sandbox answers with a redirect to our callback. */
    private Map<String, String> followToCallback(URI authorizationUrl) {
        HttpResponse<String> redirect = api.open(authorizationUrl);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        return query(URI.create(location));
    }

    private LoggedRequest tokenRequestWithCode(String code) {
        List<LoggedRequest> requests = sandbox.wireMock().findAll(postRequestedFor(urlPathEqualTo("/2/oauth2/token")));
        return requests.stream().filter(r -> code.equals(form(r.getBodyAsString()).get("code"))).findFirst()
                .orElseThrow();
    }

    private static URI callbackUri(String code, String state, String error) {
        StringBuilder query = new StringBuilder("/api/social-media/oauth/callback?state=").append(state);
        if (code != null) {
            query.append("&code=").append(code);
        }
        if (error != null) {
            query.append("&error=").append(error);
        }
        return TestServer.http(query.toString());
    }

    static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int split = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, split), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(split + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
