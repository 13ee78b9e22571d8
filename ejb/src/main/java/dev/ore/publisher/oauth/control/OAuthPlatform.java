package dev.ore.publisher.oauth.control;

import dev.ore.publisher.platform.entity.Platform;
import java.net.URI;

/**
 * One platform's OAuth 2.0 authorization-code flow and token lifecycle ({@code platforms.md}
 * §1.4, §2.5, §3.4). Implementations are fault-tolerant CDI gateways; a call that fails without
 * an answer throws, and callers treat that as {@link TokenGrant.Unavailable}.
 */
public interface OAuthPlatform {

    Platform platform();

    /** Whether the flow uses PKCE (S256): the verifier is kept with the state until the callback. */
    boolean usesPkce();

    URI authorizationUrl(String state, String redirectUri, String codeChallenge);

    /** Code → tokens → the account's identity; throws {@link OAuthFailure} when the platform refuses. */
    Connection exchange(String code, String redirectUri, String codeVerifier);

    /** A new access token (and, where the platform rotates them, a new refresh token). */
    TokenGrant refresh(String refreshToken);

    /**
     * Best effort: whether the platform confirmed the revocation (false where it offers none).
     *
     * @param refreshToken {@code null} when the account has none
     */
    boolean revoke(String accessToken, String refreshToken);
}
