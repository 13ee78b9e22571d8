package dev.ore.publisher.platform.meta;

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
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Facebook Login for a Page: code → short-lived user token → long-lived user token → the Page and
 * its Page token, which does not expire and is what publishes. Meta has no refresh grant: a dead
 * Page token means the team reconnects. Revocation ({@code DELETE /{user-id}/permissions}) is not
 * confirmed by Meta's current docs, so a disconnect only forgets the token.
 */
@ApplicationScoped
public class MetaOAuth implements OAuthPlatform {

    static final String SCOPES = "pages_show_list,pages_manage_posts,pages_read_engagement";

    @Inject
    @RestClient
    MetaTokenClient client;

    @Inject
    @ConfigProperty(name = "publisher.platform.meta.authorize-url")
    String authorizeUrl;

    @Inject
    @ConfigProperty(name = "publisher.platform.meta.graph-version")
    String version;

    @Inject
    @ConfigProperty(name = "publisher.platform.meta.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "publisher.platform.meta.client-secret")
    Optional<String> clientSecret;

    @Override
    public Platform platform() {
        return Platform.META;
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public URI authorizationUrl(String state, String redirectUri, String codeChallenge) {
        return UriBuilder.fromUri(authorizeUrl).queryParam("client_id", app().id())
                .queryParam("redirect_uri", redirectUri).queryParam("state", state).queryParam("scope", SCOPES)
                .queryParam("response_type", "code").build();
    }

    @Override
    @Timeout(20_000)
    public Connection exchange(String code, String redirectUri, String codeVerifier) {
        TokenGrant.Granted shortLived;
        try (Response response = client.exchangeCode(version, app().id(), app().secret(), redirectUri, code)) {
            shortLived = granted(TokenGrant.of(HttpAnswer.of(response), Instant.now()), "the authorization code");
        }
        TokenGrant.Granted longLived;
        try (Response response = client.longLived(version, "fb_exchange_token", app().id(), app().secret(),
                shortLived.accessToken())) {
            longLived = granted(TokenGrant.of(HttpAnswer.of(response), Instant.now()), "the long-lived token exchange");
        }
        try (Response response = client.pages(version, "Bearer " + longLived.accessToken(), "id,name,access_token")) {
            HttpAnswer answer = HttpAnswer.of(response);
            JsonObject page = LenientJson.parseObject(answer.body()).filter(json -> answer.isSuccess())
                    .map(json -> LenientJson.objects(json, "data")).filter(pages -> !pages.isEmpty())
                    .map(pages -> pages.get(0))
                    .orElseThrow(() -> new OAuthFailure("Meta listed no Page this user manages"));
            String id = LenientJson.string(page, "id").orElseThrow(() -> new OAuthFailure("Meta sent a Page without id"));
            String pageToken = LenientJson.string(page, "access_token")
                    .orElseThrow(() -> new OAuthFailure("Meta sent no Page token; check the pages_* permissions"));
            return new Connection(id, LenientJson.string(page, "name").orElse(id),
                    new TokenGrant.Granted(pageToken, null, null, null, SCOPES));
        }
    }

    @Override
    public TokenGrant refresh(String refreshToken) {
        return new TokenGrant.Refused("no_refresh_grant");
    }

    @Override
    public boolean revoke(String accessToken, String refreshToken) {
        return false;
    }

    private static TokenGrant.Granted granted(TokenGrant grant, String step) {
        if (grant instanceof TokenGrant.Granted granted) {
            return granted;
        }
        throw new OAuthFailure("Meta refused " + step);
    }

    private OAuthApp app() {
        return new OAuthApp(clientId, clientSecret);
    }
}
