package dev.ore.publisher.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The one seam through which the worker gets an account's usable access token from what is
 * stored. Encryption at rest (issue #4) replaces the body of {@link #accessToken}; until then the
 * stored value is the token itself, and nothing else in the worker reads the column.
 */
@ApplicationScoped
public class AccessTokens {

    public String accessToken(UUID accountId, String storedAccessToken) {
        return storedAccessToken;
    }
}
