package dev.ore.publisher.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    @Test
    void withoutAKeyTheServerRefusesToStartNamingTheConfigKeysToSet() {
        TokenCipher cipher = cipher(Optional.empty(), Optional.empty());

        assertThatThrownBy(cipher::load)
                .isInstanceOf(TokenKeyException.class)
                .hasMessageContaining("publisher.token.keys")
                .hasMessageContaining("PUBLISHER_TOKEN_KEYS")
                .hasMessageContaining("publisher.token.active-key");
    }

    @Test
    void aConfiguredKeyringSealsAndOpens() {
        TokenCipher cipher = cipher(Optional.of("k1=" + Base64.getEncoder().encodeToString(new byte[32])),
                Optional.of("k1"));
        cipher.load();
        UUID account = UUID.randomUUID();

        assertThat(cipher.decrypt(account, TokenFields.ACCESS_TOKEN,
                cipher.encrypt(account, TokenFields.ACCESS_TOKEN, "t"))).isEqualTo("t");
    }

    private static TokenCipher cipher(Optional<String> keys, Optional<String> active) {
        TokenCipher cipher = new TokenCipher();
        cipher.keys = keys;
        cipher.activeKey = active;
        return cipher;
    }
}
