package dev.ore.publisher.platform.linkedin;

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
 * LinkedIn's authorization-code flow for a web app (client secret, no PKCE). The member id from
 * {@code /v2/userinfo} makes the author URN. Refresh tokens come only to approved partners and
 * live 365 days from the first authorisation; refreshing does not extend them. LinkedIn documents
 * no programmatic revocation, so a disconnect only forgets the tokens.
 */
@ApplicationScoped
public class LinkedInOAuth implements OAuthPlatform {

    static final String SCOPES = "openid profile w_member_social";

    @Inject
    @RestClient
    LinkedInTokenClient tokens;

    @Inject
    @RestClient
    LinkedInIdentityClient identity;

    @Inject
    @ConfigProperty(name = "publisher.platform.linkedin.authorize-url")
    String authorizeUrl;

    @Inject
    @ConfigProperty(name = "publisher.platform.linkedin.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "publisher.platform.linkedin.client-secret")
    Optional<String> clientSecret;

    @Override
    public Platform platform() {
        return Platform.LINKEDIN;
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public URI authorizationUrl(String state, String redirectUri, String codeChallenge) {
        return UriBuilder.fromUri(authorizeUrl).queryParam("response_type", "code").queryParam("client_id", app().id())
                .queryParam("redirect_uri", redirectUri).queryParam("state", state).queryParam("scope", SCOPES)
                .build();
    }

    @Override
    @Timeout(15_000)
    public Connection exchange(String code, String redirectUri, String codeVerifier) {
        TokenGrant grant = token(new Form().param("grant_type", "authorization_code").param("code", code)
                .param("redirect_uri", redirectUri));
        if (!(grant instanceof TokenGrant.Granted granted)) {
            throw new OAuthFailure("LinkedIn refused the authorization code");
        }
        try (Response response = identity.userinfo("Bearer " + granted.accessToken())) {
            HttpAnswer answer = HttpAnswer.of(response);
            var member = LenientJson.parseObject(answer.body()).filter(json -> answer.isSuccess());
            String id = member.flatMap(json -> LenientJson.string(json, "sub"))
                    .orElseThrow(() -> new OAuthFailure("LinkedIn did not say who the member is (HTTP "
                            + answer.status() + ")"));
            String name = member.flatMap(json -> LenientJson.string(json, "name")).orElse(id);
            return new Connection("urn:li:person:" + id, name, granted);
        }
    }

    @Override
    @Timeout(15_000)
    public TokenGrant refresh(String refreshToken) {
        return token(new Form().param("grant_type", "refresh_token").param("refresh_token", refreshToken));
    }

    @Override
    public boolean revoke(String accessToken, String refreshToken) {
        return false;
    }

    private TokenGrant token(Form form) {
        form.param("client_id", app().id()).param("client_secret", app().secret());
        try (Response response = tokens.token(form)) {
            return TokenGrant.of(HttpAnswer.of(response), Instant.now());
        }
    }

    private OAuthApp app() {
        return new OAuthApp(clientId, clientSecret);
    }
}
