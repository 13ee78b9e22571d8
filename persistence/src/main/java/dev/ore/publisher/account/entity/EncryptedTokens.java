package dev.ore.publisher.account.entity;

import java.time.Instant;

/**
 * An account's tokens as they rest in the database: encrypted, never clear text.
 * {@link #toString()} says only which tokens are present.
 */
public record EncryptedTokens(String accessToken, String refreshToken, Instant expiresAt, Instant refreshExpiresAt) {

    public EncryptedTokens {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("an account needs an access token");
        }
    }

    @Override
    public String toString() {
        return "EncryptedTokens[refreshToken=" + (refreshToken != null ? "present" : "absent")
                + ", expiresAt=" + expiresAt + "]";
    }
}
