package dev.ore.publisher.account.control;

import dev.ore.publisher.account.boundary.TokenRefreshes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one seam through which the worker gets an account's usable access token: decrypted from
 * what the claim read, or refreshed first when it expires within {@code publisher.token.refresh-skew}.
 * The refresh itself runs under the account's row lock ({@link TokenRefreshes}), so however many
 * publishes of one account arrive at once, the token endpoint is called once.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    TokenCipher cipher;

    @Inject
    TokenRefreshes refreshes;

    @Inject
    @ConfigProperty(name = "publisher.token.refresh-skew", defaultValue = "PT5M")
    Duration skew;

    /** The token to publish with; {@code expiresAt} {@code null} means the token does not expire. */
    public UsableToken forPublishing(UUID accountId, String storedAccessToken, Instant expiresAt) {
        if (expiresAt == null || expiresAt.isAfter(Instant.now().plus(skew))) {
            return new UsableToken.Usable(cipher.decrypt(accountId, TokenFields.ACCESS_TOKEN, storedAccessToken));
        }
        return refreshes.refresh(accountId, null);
    }

    /** The platform answered 401 to {@code rejectedAccessToken}: one forced refresh. */
    public UsableToken afterRejection(UUID accountId, String rejectedAccessToken) {
        return refreshes.refresh(accountId, rejectedAccessToken);
    }
}
