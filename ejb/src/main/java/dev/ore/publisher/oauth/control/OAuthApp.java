package dev.ore.publisher.oauth.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Our registered app at one platform. {@link #toString()} leaves out the secret.
 */
public record OAuthApp(Optional<String> clientId, Optional<String> clientSecret) {

    public String id() {
        return clientId.filter(id -> !id.isBlank())
                .orElseThrow(() -> new OAuthFailure("the platform's OAuth client id is not configured"));
    }

    public String secret() {
        return clientSecret.filter(s -> !s.isBlank())
                .orElseThrow(() -> new OAuthFailure("the platform's OAuth client secret is not configured"));
    }

    /** HTTP Basic with client id and secret, as confidential clients authenticate (X). */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((id() + ":" + secret()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OAuthApp[clientId=" + clientId.orElse("") + "]";
    }
}
