package dev.ore.publisher.platform.x;

import dev.ore.publisher.oauth.control.Connection;
import dev.ore.publisher.oauth.control.OAuthApp;
import dev.ore.publisher.oauth.control.OAuthFailure;
import dev.ore.publisher.oauth.control.OAuthPlatform;
import dev.ore.publisher.oauth.control.TokenGrant;
import dev.ore.publisher.platform.control.HttpAnswer;
import dev.ore.publisher.platform.control.LenientJson;
import dev.ore.publisher.platform.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * X's OAuth 2.0 Authorization Code flow with PKCE (S256) as a confidential client (Basic auth),
 * with {@code offline.access} so that X issues refresh tokens. X rotates them: every refresh
 * answers a new one and the old one stops working.
 */
@ApplicationScoped
public class XOAuth implements OAuthPlatform {

    static final String SCOPES = "tweet.read tweet.write users.read media.write offline.access";

    @Inject
    @RestClient
    XTokenClient client;

    @Inject
    @ConfigProperty(name = "publisher.platform.x.authorize-url")
    String authorizeUrl;

    @Inject
    @ConfigProperty(name = "publisher.platform.x.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "publisher.platform.x.client-secret")
    Optional<String> clientSecret;

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public boolean usesPkce() {
        return true;
    }

    @Override
    public URI authorizationUrl(String state, String redirectUri, String codeChallenge) {
        return UriBuilder.fromUri(authorizeUrl)
                .queryParam("response_type", "code")
                .queryParam("client_id", app().id())
                .queryParam("redirect_uri", redirectUri)
                .queryParam("scope", SCOPES)
                .queryParam("state", state)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .build();
    }

    @Override
    @Timeout(15_000)
    public Connection exchange(String code, String redirectUri, String codeVerifier) {
        Form form = new Form().param("grant_type", "authorization_code").param("code", code)
                .param("redirect_uri", redirectUri).param("code_verifier", codeVerifier)
                .param("client_id", app().id());
        TokenGrant grant;
        try (Response response = client.token(app().basicAuthorization(), form)) {
            grant = TokenGrant.of(HttpAnswer.of(response), Instant.now());
        }
        if (!(grant instanceof TokenGrant.Granted granted)) {
            throw new OAuthFailure("X refused the authorization code (" + code(grant) + ")");
        }
        try (Response response = client.me("Bearer " + granted.accessToken())) {
            HttpAnswer answer = HttpAnswer.of(response);
            var user = LenientJson.parseObject(answer.body()).flatMap(json -> LenientJson.object(json, "data"))
                    .filter(data -> answer.isSuccess());
            String id = user.flatMap(data -> LenientJson.string(data, "id"))
                    .orElseThrow(() -> new OAuthFailure("X did not say who the user is (HTTP " + answer.status() + ")"));
            String name = user.flatMap(data -> LenientJson.string(data, "username")).map(u -> "@" + u).orElse(id);
            return new Connection(id, name, granted);
        }
    }

    @Override
    @Timeout(15_000)
    public TokenGrant refresh(String refreshToken) {
        Form form = new Form().param("grant_type", "refresh_token").param("refresh_token", refreshToken)
                .param("client_id", app().id());
        try (Response response = client.token(app().basicAuthorization(), form)) {
            return TokenGrant.of(HttpAnswer.of(response), Instant.now());
        }
    }

    @Override
    @Timeout(15_000)
    public boolean revoke(String accessToken, String refreshToken) {
        boolean revoked = revokeOne(accessToken, "access_token");
        return refreshToken == null ? revoked : revokeOne(refreshToken, "refresh_token") && revoked;
    }

    private boolean revokeOne(String token, String hint) {
        Form form = new Form().param("token", token).param("token_type_hint", hint).param("client_id", app().id());
        try (Response response = client.revoke(app().basicAuthorization(), form)) {
            return response.getStatus() == 200;
        }
    }

    private OAuthApp app() {
        return new OAuthApp(clientId, clientSecret);
    }

    private static String code(TokenGrant grant) {
        return grant instanceof TokenGrant.Refused refused ? refused.code()
                : ((TokenGrant.Unavailable) grant).code();
    }
}
