package dev.ore.publisher.platform.meta;

import dev.ore.publisher.platform.control.LenientJson;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code error} object of a Graph API answer, with one question per row of the error table
 * (platforms.md §4). Meta answers most errors with HTTP 400, so the code, the subcode and
 * {@code is_transient} decide, not the status.
 */
record GraphError(long code, long subcode, boolean isTransient, String message) {

    private static final long NONE = -1;
    private static final Set<Long> TOKEN_CODES = Set.of(190L, 102L);
    private static final Set<Long> RATE_LIMIT_CODES = Set.of(4L, 17L, 32L, 341L, 613L);
    /** "You're posting too fast" (seen by Postiz, platforms.md §1.3): a throttle, not a policy verdict. */
    private static final long POSTING_TOO_FAST = 1390008;
    private static final Set<Long> POLICY_SUBCODES = Set.of(1346003L, 1404102L);
    private static final Set<Long> INVALID_REQUEST_CODES = Set.of(100L, 1609005L);
    private static final Set<Long> INVALID_REQUEST_SUBCODES = Set.of(2069019L, 1366046L);

    static GraphError from(JsonObject error) {
        return new GraphError(
                LenientJson.number(error, "code").orElse(NONE),
                LenientJson.number(error, "error_subcode").orElse(NONE),
                LenientJson.isTrue(error, "is_transient"),
                LenientJson.string(error, "message").orElse(""));
    }

    boolean rejectsToken() {
        return TOKEN_CODES.contains(code);
    }

    /** Stable and specific, so a caller can tell "re-derive the page token" from "re-auth". */
    String tokenCode() {
        return subcode == NONE ? "meta_" + code : "meta_" + code + "_" + subcode;
    }

    boolean lacksPermission() {
        return code == 10 || (code >= 200 && code <= 299);
    }

    boolean isRateLimit() {
        return RATE_LIMIT_CODES.contains(code) || (code >= 80000 && code <= 80014) || subcode == POSTING_TOO_FAST;
    }

    boolean isDuplicate() {
        String text = message.toLowerCase(Locale.ROOT);
        return code == 506 || (code == 368 && (text.contains("already posted") || text.contains("duplicate")));
    }

    boolean violatesPolicy() {
        return code == 368 || POLICY_SUBCODES.contains(subcode);
    }

    boolean isServerSide() {
        return code == 1 || code == 2 || isTransient;
    }

    boolean isInvalidRequest() {
        return INVALID_REQUEST_CODES.contains(code) || INVALID_REQUEST_SUBCODES.contains(subcode);
    }
}
