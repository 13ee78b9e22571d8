package dev.ore.publisher.account.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.platform.entity.Platform;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SocialMediaAccountRefreshTest {

    private static final Instant LATER = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant REFRESH_END = Instant.parse("2027-01-01T00:00:00Z");

    private final SocialMediaAccount account = new SocialMediaAccount(UUID.randomUUID(), UUID.randomUUID(),
            Platform.LINKEDIN, "Ore", "urn:li:person:1",
            new EncryptedTokens("k1:access-1", "k1:refresh-1", Instant.EPOCH, REFRESH_END), null);

    @Test
    void aRefreshWithoutANewRefreshTokenKeepsTheStoredOne() {
        account.refreshed(new EncryptedTokens("k1:access-2", null, LATER, null));

        assertThat(account.getTokens()).isEqualTo(new EncryptedTokens("k1:access-2", "k1:refresh-1", LATER, REFRESH_END));
    }

    @Test
    void aRotatedRefreshTokenReplacesTheStoredOne() {
        account.refreshed(new EncryptedTokens("k1:access-2", "k1:refresh-2", LATER, null));

        assertThat(account.getTokens().refreshToken()).isEqualTo("k1:refresh-2");
    }

    @Test
    void reconnectingReplacesIdentityAndTokensAndMakesTheAccountUsableAgain() {
        account.requireReauthorisation();
        account.reconnectSoon(true);

        account.reconnect("Ore Again", "urn:li:person:2", new EncryptedTokens("k1:access-3", null, LATER, null), "s");

        assertThat(account.getStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.getExternalAccountId()).isEqualTo("urn:li:person:2");
        assertThat(account.getTokens().refreshToken()).isNull();
        assertThat(account.isReconnectSoon()).isFalse();
    }
}
