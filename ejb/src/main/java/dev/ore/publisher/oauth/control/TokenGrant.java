package dev.ore.publisher.oauth.control;

import dev.ore.publisher.platform.control.HttpAnswer;
import dev.ore.publisher.platform.control.LenientJson;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** What a platform's token endpoint answered, in our terms. */
public sealed interface TokenGrant {

    /**
     * New tokens. {@code refreshToken} is {@code null} when the platform issued none (then the
     * stored one stays). {@link #toString()} leaves the tokens out.
     */
    record Granted(String accessToken, String refreshToken, Instant expiresAt, Instant refreshExpiresAt,
                   String scope) implements TokenGrant {

        public Granted {
            if (accessToken == null || accessToken.isBlank()) {
                throw new IllegalArgumentException("a grant needs an access token");
            }
        }

        @Override
        public String toString() {
            return "Granted[refreshToken=" + (refreshToken != null ? "present" : "absent") + ", expiresAt="
                    + expiresAt + ", scope=" + scope + "]";
        }
    }

    /** The platform refused the grant for good (invalid_grant, revoked, reused refresh token): reconnect. */
    record Refused(String code) implements TokenGrant {
    }

    /** The platform could not answer now (5xx, 429, timeout): try again later, change nothing. */
    record Unavailable(String code) implements TokenGrant {
    }

    /**
     * Reads an OAuth 2.0 token answer (RFC 6749 §5): {@code access_token}, {@code expires_in},
     * {@code refresh_token}, {@code refresh_token_expires_in}, {@code scope}; errors carry {@code error}.
     */
    static TokenGrant of(HttpAnswer answer, Instant now) {
        Optional<JsonObject> body = LenientJson.parseObject(answer.body());
        if (answer.isSuccess()) {
            Optional<String> access = body.flatMap(json -> LenientJson.string(json, "access_token"));
            if (access.isEmpty() || access.get().isBlank()) {
                return new Unavailable("token_answer_without_access_token");
            }
            JsonObject json = body.get();
            return new Granted(access.get(),
                    LenientJson.string(json, "refresh_token").filter(t -> !t.isBlank()).orElse(null),
                    LenientJson.number(json, "expires_in").filter(s -> s > 0).map(now::plusSeconds).orElse(null),
                    LenientJson.number(json, "refresh_token_expires_in").filter(s -> s > 0).map(now::plusSeconds)
                            .orElse(null),
                    LenientJson.string(json, "scope").orElse(null));
        }
        String code = body.flatMap(json -> LenientJson.string(json, "error")).map(TokenGrant::safeCode)
                .orElse("http_" + answer.status());
        if (answer.status() == 429 || answer.status() >= 500) {
            return new Unavailable(code);
        }
        return new Refused(code);
    }

    /** Error codes go into audit rows: keep them to the shape RFC 6749 gives them. */
    private static String safeCode(String code) {
        String cleaned = code.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.isEmpty() ? "unnamed_error" : cleaned.substring(0, Math.min(cleaned.length(), 60));
    }
}
