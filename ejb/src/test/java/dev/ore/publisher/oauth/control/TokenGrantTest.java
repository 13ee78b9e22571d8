package dev.ore.publisher.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.platform.control.HttpAnswer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenGrantTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void readsAGrantWithARotatedRefreshTokenAndHidesBothInToString() {
        TokenGrant grant = TokenGrant.of(answer(200, """
                {"token_type":"bearer","expires_in":7200,"access_token":"acc-1","scope":"tweet.write",
                 "refresh_token":"ref-2","refresh_token_expires_in":31536000}"""), NOW);

        assertThat(grant).isInstanceOfSatisfying(TokenGrant.Granted.class, granted -> {
            assertThat(granted.accessToken()).isEqualTo("acc-1");
            assertThat(granted.refreshToken()).isEqualTo("ref-2");
            assertThat(granted.expiresAt()).isEqualTo(NOW.plusSeconds(7200));
            assertThat(granted.refreshExpiresAt()).isEqualTo(NOW.plusSeconds(31536000));
            assertThat(granted.toString()).doesNotContain("acc-1", "ref-2");
        });
    }

    @Test
    void aGrantWithoutRefreshTokenOrExpiryLeavesThemOut() {
        TokenGrant grant = TokenGrant.of(answer(200, "{\"access_token\":\"page\"}"), NOW);

        assertThat(grant).isEqualTo(new TokenGrant.Granted("page", null, null, null, null));
    }

    @Test
    void aRefusedOrReusedRefreshTokenIsRefusedAndAServerFailureIsTransient() {
        assertThat(TokenGrant.of(answer(400, "{\"error\":\"invalid_request\",\"error_description\":\"x\"}"), NOW))
                .isEqualTo(new TokenGrant.Refused("invalid_request"));
        assertThat(TokenGrant.of(answer(400, "{\"error\":\"invalid_grant\"}"), NOW))
                .isEqualTo(new TokenGrant.Refused("invalid_grant"));
        assertThat(TokenGrant.of(answer(401, ""), NOW)).isEqualTo(new TokenGrant.Refused("http_401"));
        assertThat(TokenGrant.of(answer(503, "{\"error\":\"temporarily_unavailable\"}"), NOW))
                .isEqualTo(new TokenGrant.Unavailable("temporarily_unavailable"));
        assertThat(TokenGrant.of(answer(429, ""), NOW)).isEqualTo(new TokenGrant.Unavailable("http_429"));
        assertThat(TokenGrant.of(answer(200, "{}"), NOW)).isInstanceOf(TokenGrant.Unavailable.class);
    }

    @Test
    void errorCodesAreCleanedBeforeTheyReachAnAuditRow() {
        assertThat(TokenGrant.of(answer(400, "{\"error\":\"bad <script> \\\"code\\\"\"}"), NOW))
                .isEqualTo(new TokenGrant.Refused("badscriptcode"));
    }

    @Test
    void pkceChallengeIsTheS256OfTheVerifier() {
        // expected value computed independently: base64url(sha256(verifier)) without padding
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mJ92IZ1PTj8Zs5RwOcp3lVRWmsc3ZEx")).isEqualTo(
                "opGvVs5k01T5wH6FsMpkuUyMuhLEDishItm8ZKmTsgQ");
        assertThat(Pkce.randomValue()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(Pkce.randomValue());
    }

    private static HttpAnswer answer(int status, String body) {
        return new HttpAnswer(status, Map.of(), body);
    }
}
