package dev.ore.publisher.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's token keyring, built once from MicroProfile Config: {@code publisher.token.keys}
 * ({@code id=base64key,…}) and {@code publisher.token.active-key}.
 */
@ApplicationScoped
public class TokenCipher {

    static final String KEYS = "publisher.token.keys";
    static final String ACTIVE_KEY = "publisher.token.active-key";

    @Inject
    @ConfigProperty(name = KEYS)
    Optional<String> keys;

    @Inject
    @ConfigProperty(name = ACTIVE_KEY)
    Optional<String> activeKey;

    private TokenKeyring keyring;

    @PostConstruct
    void load() {
        try {
            keyring = TokenKeyring.parse(keys.orElse(null), activeKey.orElse(null));
        } catch (TokenKeyException e) {
            throw new TokenKeyException("Token encryption is not configured: " + e.getMessage() + ". Set " + KEYS
                    + " (environment PUBLISHER_TOKEN_KEYS) to id=<base64 of 32 random bytes>[,…] and " + ACTIVE_KEY
                    + " (PUBLISHER_TOKEN_ACTIVE_KEY) to the id that encrypts; e.g. k1=$(openssl rand -base64 32)");
        }
    }

    public TokenKeyring keyring() {
        return keyring;
    }

    public String encrypt(UUID accountId, String field, String clearText) {
        return keyring.encrypt(accountId, field, clearText);
    }

    public String decrypt(UUID accountId, String field, String stored) {
        return keyring.decrypt(accountId, field, stored);
    }
}
