package dev.ore.publisher.account.control;

import dev.ore.publisher.account.entity.EncryptedTokens;
import dev.ore.publisher.oauth.control.TokenGrant.Granted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Seals a grant's tokens for one account, and opens them again. */
@ApplicationScoped
public class TokenSeal {

    @Inject
    TokenCipher cipher;

    public EncryptedTokens seal(UUID accountId, Granted grant) {
        return new EncryptedTokens(cipher.encrypt(accountId, TokenFields.ACCESS_TOKEN, grant.accessToken()),
                grant.refreshToken() == null ? null
                        : cipher.encrypt(accountId, TokenFields.REFRESH_TOKEN, grant.refreshToken()),
                grant.expiresAt(), grant.refreshExpiresAt());
    }

    public String accessToken(UUID accountId, EncryptedTokens tokens) {
        return cipher.decrypt(accountId, TokenFields.ACCESS_TOKEN, tokens.accessToken());
    }

    /** {@code null} when the account has no refresh token. */
    public String refreshToken(UUID accountId, EncryptedTokens tokens) {
        return tokens.refreshToken() == null ? null
                : cipher.decrypt(accountId, TokenFields.REFRESH_TOKEN, tokens.refreshToken());
    }
}
