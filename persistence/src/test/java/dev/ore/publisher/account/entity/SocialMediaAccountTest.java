package dev.ore.publisher.account.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ore.publisher.platform.entity.Platform;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SocialMediaAccountTest {

    private final EncryptedTokens tokens =
            new EncryptedTokens("k1:c2VjcmV0LWFjY2Vzcw==", "k1:c2VjcmV0LXJlZnJlc2g=", Instant.EPOCH, null);

    @Test
    void neverPrintsItsTokens() {
        var account = new SocialMediaAccount(UUID.randomUUID(), Platform.X, "@ore", "42", tokens, "tweet.write");

        assertThat(account.toString()).doesNotContain("c2VjcmV0");
        assertThat(tokens.toString()).doesNotContain("c2VjcmV0").contains("refreshToken=present");
    }

    @Test
    void disconnectingForgetsTheTokens() {
        var account = new SocialMediaAccount(UUID.randomUUID(), Platform.META, "Page", "1", tokens, null);

        account.disconnect();

        assertThat(account.getStatus()).isEqualTo(AccountStatus.DISCONNECTED);
        assertThat(account.isActive()).isFalse();
        assertThatThrownBy(account::getTokens).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("disconnected");
    }

    @Test
    void newTokensReactivateAnAccountThatNeededReauthorisation() {
        var account = new SocialMediaAccount(UUID.randomUUID(), Platform.LINKEDIN, "Ore", "abc", tokens, null);
        account.requireReauthorisation();

        account.replaceTokens(new EncryptedTokens("k2:bmV3", null, Instant.EPOCH, null));

        assertThat(account.getStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.getTokens().accessToken()).isEqualTo("k2:bmV3");
        assertThat(account.getTokens().refreshToken()).isNull();
    }

    @Test
    void refusesAnAccountWithoutAnAccessToken() {
        assertThatThrownBy(() -> new EncryptedTokens(" ", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
