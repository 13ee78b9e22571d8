package dev.ore.publisher.platform.linkedin;

import dev.ore.publisher.platform.control.HttpAnswer;
import dev.ore.publisher.platform.control.LenientJson;
import dev.ore.publisher.platform.control.PlatformMessage;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.platform.control.PublishOutcome.Permanent;
import dev.ore.publisher.platform.control.PublishOutcome.Published;
import dev.ore.publisher.platform.control.PublishOutcome.Retryable;
import dev.ore.publisher.platform.control.PublishOutcome.TokenRejected;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a Posts API answer to a publish outcome, following the LinkedIn rows of platforms.md §4. */
public final class LinkedInOutcomes {

    static final String POST_ID_HEADER = "x-restli-id";

    private static final Pattern DUPLICATE_OF = Pattern.compile("urn:li:(?:share|ugcPost):\\d+");
    private static final String DUPLICATE_MESSAGE = "Content is a duplicate of ";

    private LinkedInOutcomes() {
    }

    public static PublishOutcome of(HttpAnswer answer, Instant now) {
        if (answer.isSuccess()) {
            return published(answer);
        }
        JsonObject body = LenientJson.parseObject(answer.body()).orElse(JsonValue.EMPTY_JSON_OBJECT);
        String code = LenientJson.string(body, "code").orElse("");
        long serviceErrorCode = LenientJson.number(body, "serviceErrorCode").orElse(-1L);
        String message = PlatformMessage.sanitise(LenientJson.string(body, "message").orElse(null),
                "LinkedIn answered HTTP " + answer.status());
        int status = answer.status();
        if (status == 401) {
            return new TokenRejected(tokenCode(code, serviceErrorCode, message), message);
        }
        if (status == 403) {
            return new Permanent("permission_missing", message);
        }
        if (isDuplicatePost(body)) {
            return duplicate(body, message);
        }
        if (status == 429) {
            return new Retryable("rate_limited", message, nextMidnightUtc(now), false);
        }
        if (status == 426 || "NONEXISTENT_VERSION".equals(code)) {
            return new Permanent("linkedin_version_retired", message);
        }
        if (status == 400 || status == 404 || status == 422) {
            return new Permanent("invalid_request", message);
        }
        if (status >= 500 && status <= 599) {
            return new Retryable("server_error", message, null, true);
        }
        return new Permanent("request_rejected", message);
    }

    /**
     * The URN of the post LinkedIn already holds, as written into a {@code duplicate_content}
     * message. When this duplicate is our own earlier attempt, that URN is the post's id.
     */
    public static Optional<String> existingPostUrn(String duplicateMessage) {
        if (duplicateMessage == null) {
            return Optional.empty();
        }
        Matcher urn = DUPLICATE_OF.matcher(duplicateMessage);
        return urn.find() ? Optional.of(urn.group()) : Optional.empty();
    }

    /**
     * The id of the new post travels in a header. A success without that header stays permanent
     * rather than retryable: LinkedIn has created the post, and with no idempotency key a retry
     * would publish it a second time; a person can look the post up instead.
     */
    private static PublishOutcome published(HttpAnswer answer) {
        return answer.header(POST_ID_HEADER)
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .<PublishOutcome>map(Published::new)
                .orElseGet(() -> new Permanent("missing_post_id", "LinkedIn answered HTTP " + answer.status()
                        + " without an x-restli-id header; the post probably exists, check the profile or page"));
    }

    private static String tokenCode(String code, long serviceErrorCode, String message) {
        if (serviceErrorCode == 65601 || "REVOKED_ACCESS_TOKEN".equals(code)) {
            return "token_revoked";
        }
        if (code.contains("EXPIRED") || message.toLowerCase(Locale.ROOT).contains("expired")) {
            return "token_expired";
        }
        return "token_invalid";
    }

    private static boolean isDuplicatePost(JsonObject body) {
        return LenientJson.object(body, "errorDetails").stream()
                .flatMap(details -> LenientJson.objects(details, "inputErrors").stream())
                .anyMatch(inputError -> LenientJson.string(inputError, "code").filter("DUPLICATE_POST"::equals).isPresent());
    }

    /** Rebuilt around the URN, so truncating a long platform message can never cut the URN off. */
    private static Permanent duplicate(JsonObject body, String sanitisedMessage) {
        String message = existingPostUrn(LenientJson.string(body, "message").orElse(null))
                .map(urn -> DUPLICATE_MESSAGE + urn)
                .orElse(sanitisedMessage);
        return new Permanent("duplicate_content", message);
    }

    /** Both daily limits reset at midnight UTC and LinkedIn sends no reset header (platforms.md §2.4). */
    private static Instant nextMidnightUtc(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
