package dev.ore.publisher.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenKeyringTest {

    private static final String TOKEN = "secret-access-token-4711";

    private final UUID account = UUID.randomUUID();
    private final byte[] k1 = key();
    private final byte[] k2 = key();

    @Test
    void roundTripsATokenUnderTheActiveKey() {
        TokenKeyring ring = ring("k1", Map.of("k1", k1));

        String stored = ring.encrypt(account, TokenFields.ACCESS_TOKEN, TOKEN);

        assertThat(stored).startsWith("k1:").doesNotContain(TOKEN);
        assertThat(ring.decrypt(account, TokenFields.ACCESS_TOKEN, stored)).isEqualTo(TOKEN);
    }

    @Test
    void usesAFreshNonceForEveryEncryption() {
        TokenKeyring ring = ring("k1", Map.of("k1", k1));

        String first = ring.encrypt(account, TokenFields.ACCESS_TOKEN, TOKEN);
        String second = ring.encrypt(account, TokenFields.ACCESS_TOKEN, TOKEN);

        assertThat(first).isNotEqualTo(second);
        byte[] sealed = Base64.getDecoder().decode(first.substring(3));
        assertThat(sealed).hasSize(12 + TOKEN.length() + 16);
    }

    @Test
    void refusesATamperedCiphertext() {
        TokenKeyring ring = ring("k1", Map.of("k1", k1));
        String stored = ring.encrypt(account, TokenFields.ACCESS_TOKEN, TOKEN);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(3));
        sealed[sealed.length - 20] ^= 1;
        String tampered = "k1:" + Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> ring.decrypt(account, TokenFields.ACCESS_TOKEN, tampered))
                .isInstanceOf(TokenKeyException.class)
                .hasMessageContaining("does not authenticate")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aThreadsCipherDecryptsEachValueOnItsOwnAfterAFailureAndAcrossKeys() {
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put("k1", k1);
        both.put("k2", k2);
        String underK1 = ring("k1", both).encrypt(account, TokenFields.ACCESS_TOKEN, TOKEN);
        String underK2 = ring("k2", both).encrypt(account, TokenFields.ACCESS_TOKEN, "another-token");
        TokenKeyring ring = ring("k2", both);
        byte[] sealed = Base64.getDecoder().decode(underK1.substring(3));
        sealed[sealed.length - 1] ^= 1;
        String tampered = "k1:" + Base64.getEncoder().encodeToString(sealed);

        // All on this test's thread, so on one reused cipher.
        assertThat(ring.decrypt(account, TokenFields.ACCESS_TOKEN, underK1)).isEqualTo(TOKEN);
        assertThatThrownBy(() -> ring.decrypt(account, TokenFields.ACCESS_TOKEN, tampered))
                .isInstanceOf(TokenKeyException.class);
        assertThat(ring.decrypt(account, TokenFields.ACCESS_TOKEN, underK2)).isEqualTo("another-token");
        assertThat(ring.decrypt(account, TokenFields.ACCESS_TOKEN, underK1)).isEqualTo(TOKEN);
        assertThat(ring.decrypt(account, TokenFields.ACCESS_TOKEN, underK1)).isEqualTo(TOKEN);
    }

    @Test
    void refusesAnUnknownKeyId() {
        String stored = ring("k1", Map.of("k1", k1)).encrypt(account, TokenFields.ACCESS_TOKEN, TOKEN);
        TokenKeyring other = ring("k2", Map.of("k2", k2));

        assertThatThrownBy(() -> other.decrypt(account, TokenFields.ACCESS_TOKEN, stored))
                .isInstanceOf(TokenKeyException.class)
                .hasMessageContaining("key k1, which is not configured");
    }

    @Test
    void refusesACiphertextMovedToAnotherAccountOrField() {
        TokenKeyring ring = ring("k1", Map.of("k1", k1));
        String stored = ring.encrypt(account, TokenFields.ACCESS_TOKEN, TOKEN);

        assertThatThrownBy(() -> ring.decrypt(UUID.randomUUID(), TokenFields.ACCESS_TOKEN, stored))
                .isInstanceOf(TokenKeyException.class)
                .hasMessageContaining("moved from another account");
        assertThatThrownBy(() -> ring.decrypt(account, TokenFields.REFRESH_TOKEN, stored))
                .isInstanceOf(TokenKeyException.class);
    }

    @Test
    void rotationKeepsOldTokensReadableAndReencryptsToTheActiveKey() {
        String underK1 = ring("k1", Map.of("k1", k1)).encrypt(account, TokenFields.REFRESH_TOKEN, TOKEN);
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put("k1", k1);
        both.put("k2", k2);
        TokenKeyring rotated = ring("k2", both);

        assertThat(rotated.decrypt(account, TokenFields.REFRESH_TOKEN, underK1)).isEqualTo(TOKEN);
        assertThat(rotated.isUnderActiveKey(underK1)).isFalse();
        String underK2 = rotated.reencrypt(account, TokenFields.REFRESH_TOKEN, underK1);
        assertThat(underK2).startsWith("k2:");
        assertThat(rotated.isUnderActiveKey(underK2)).isTrue();
        assertThat(ring("k2", Map.of("k2", k2)).decrypt(account, TokenFields.REFRESH_TOKEN, underK2)).isEqualTo(TOKEN);
    }

    @Test
    void parsesAKeyListAndDefaultsTheActiveKeyWhenThereIsOnlyOne() {
        String encoded = Base64.getEncoder().encodeToString(k1);

        TokenKeyring single = TokenKeyring.parse("k1=" + encoded, null);
        TokenKeyring pair = TokenKeyring.parse(" k1=" + encoded + " , k2=" + Base64.getEncoder().encodeToString(k2),
                "k2");

        assertThat(single.activeKey()).isEqualTo("k1");
        assertThat(pair.keyIds()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(pair.activeKey()).isEqualTo("k2");
    }

    @Test
    void refusesMissingShortOrUnnamedKeysWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> TokenKeyring.parse("", null)).hasMessageContaining("no token encryption key");
        assertThatThrownBy(() -> TokenKeyring.parse("k1=" + shortKey, null))
                .hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> TokenKeyring.parse("k1=" + Base64.getEncoder().encodeToString(k1), "k9"))
                .hasMessageContaining("active token key k9");
        assertThatThrownBy(() -> TokenKeyring.parse("k1=" + Base64.getEncoder().encodeToString(k1) + ",k2="
                + Base64.getEncoder().encodeToString(k2), null)).hasMessageContaining("no active one");
    }

    private static TokenKeyring ring(String active, Map<String, byte[]> keys) {
        return new TokenKeyring(keys, active);
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
