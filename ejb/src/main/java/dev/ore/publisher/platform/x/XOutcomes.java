package dev.ore.publisher.platform.x;

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
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a {@code POST /2/tweets} answer to a publish outcome, following the X rows of platforms.md
 * §4. Errors come as problem details ({@code type}, {@code title}, {@code detail}) or in the v1.1
 * shape {@code {"errors":[{"code":88,"message":…}]}}; both are read.
 */
public final class XOutcomes {

    /** v1.1 "Status is a duplicate", still seen in the legacy error shape. */
    private static final long LEGACY_DUPLICATE = 187;

    private XOutcomes() {
    }

    public static PublishOutcome of(HttpAnswer answer, Instant now) {
        JsonObject body = LenientJson.parseObject(answer.body()).orElse(JsonValue.EMPTY_JSON_OBJECT);
        if (answer.isSuccess()) {
            return published(body, answer);
        }
        String message = PlatformMessage.sanitise(platformText(body), "X answered HTTP " + answer.status());
        int status = answer.status();
        if (status == 401) {
            return new TokenRejected("token_rejected", message);
        }
        if (status == 403) {
            return isDuplicate(body, message)
                    ? new Permanent("duplicate_content", message)
                    : new Permanent("permission_missing", message);
        }
        if (status == 429) {
            return isUsageCapped(body)
                    ? new Permanent("usage_capped", message)
                    : new Retryable("rate_limited", message, RateLimitReset.of(answer, now), false);
        }
        if (status == 400) {
            return new Permanent("invalid_request", message);
        }
        if (status >= 500 && status <= 599) {
            return new Retryable("server_error", message, null, true);
        }
        return new Permanent("request_rejected", message);
    }

    /**
     * A success without {@code data.id} stays permanent rather than retryable: the post most likely
     * exists, and with no idempotency key a retry would publish it a second time.
     */
    private static PublishOutcome published(JsonObject body, HttpAnswer answer) {
        return LenientJson.object(body, "data")
                .flatMap(data -> LenientJson.string(data, "id"))
                .filter(id -> !id.isBlank())
                .<PublishOutcome>map(Published::new)
                .orElseGet(() -> new Permanent("missing_post_id", "X answered HTTP " + answer.status()
                        + " without data.id; the post probably exists, check the timeline"));
    }

    private static String platformText(JsonObject body) {
        return LenientJson.string(body, "detail")
                .or(() -> LenientJson.string(body, "title"))
                .or(() -> firstLegacyError(body).flatMap(error -> LenientJson.string(error, "message")))
                .orElse(null);
    }

    private static boolean isDuplicate(JsonObject body, String message) {
        boolean legacyDuplicate = firstLegacyError(body)
                .flatMap(error -> LenientJson.number(error, "code"))
                .filter(code -> code == LEGACY_DUPLICATE)
                .isPresent();
        return legacyDuplicate || message.toLowerCase(Locale.ROOT).contains("duplicate content");
    }

    private static boolean isUsageCapped(JsonObject body) {
        return LenientJson.string(body, "type").filter(type -> type.endsWith("usage-capped")).isPresent();
    }

    private static Optional<JsonObject> firstLegacyError(JsonObject body) {
        return LenientJson.objects(body, "errors").stream().findFirst();
    }
}
