package dev.ore.publisher.platform.meta;

import dev.ore.publisher.platform.control.HttpAnswer;
import dev.ore.publisher.platform.control.LenientJson;
import dev.ore.publisher.platform.control.PlatformMessage;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.platform.control.PublishOutcome.Permanent;
import dev.ore.publisher.platform.control.PublishOutcome.Published;
import dev.ore.publisher.platform.control.PublishOutcome.Retryable;
import dev.ore.publisher.platform.control.PublishOutcome.TokenRejected;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Maps a Graph API answer to a publish outcome, following the Meta rows of platforms.md §4. */
public final class MetaOutcomes {

    /** Meta announces no wait outside the BUC header; platforms.md §4 suggests about an hour. */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofHours(1);

    /** BUC limits count over a rolling 24 hours, so a longer announced wait is a garbled header. */
    private static final long LONGEST_WAIT_MINUTES = Duration.ofHours(24).toMinutes();

    private MetaOutcomes() {
    }

    public static PublishOutcome of(HttpAnswer answer, Instant now) {
        Optional<JsonObject> body = LenientJson.parseObject(answer.body());
        Optional<GraphError> error = body.flatMap(json -> LenientJson.object(json, "error")).map(GraphError::from);
        if (answer.isSuccess() && error.isEmpty()) {
            return published(body);
        }
        return error.map(graphError -> classify(graphError, answer, now))
                .orElseGet(() -> unreadable(answer, now));
    }

    /**
     * A photo answers {@code {"id":"<photo>","post_id":"<page>_<post>"}}; the post id is the one
     * that addresses the post in the feed. A success without any id stays permanent: the post most
     * likely exists, and with no idempotency key a retry would publish it twice.
     */
    private static PublishOutcome published(Optional<JsonObject> body) {
        return body.flatMap(json -> LenientJson.string(json, "post_id").or(() -> LenientJson.string(json, "id")))
                .filter(id -> !id.isBlank())
                .<PublishOutcome>map(Published::new)
                .orElseGet(() -> new Permanent("missing_post_id",
                        "Meta answered success without a post id; the post probably exists, check the Page"));
    }

    private static PublishOutcome classify(GraphError error, HttpAnswer answer, Instant now) {
        String message = PlatformMessage.sanitise(error.message(), "Meta error " + error.code());
        if (error.rejectsToken()) {
            return new TokenRejected(error.tokenCode(), message);
        }
        if (error.lacksPermission()) {
            return new Permanent("permission_missing", message);
        }
        if (error.isRateLimit()) {
            return new Retryable("rate_limited", message, regainAccessAt(answer, now), false);
        }
        if (error.isDuplicate()) {
            return new Permanent("duplicate_content", message);
        }
        if (error.violatesPolicy()) {
            return new Permanent("policy_violation", message);
        }
        if (error.isServerSide()) {
            return new Retryable("server_error", message, null, true);
        }
        if (error.isInvalidRequest()) {
            return new Permanent("invalid_request", message);
        }
        return isServerError(answer)
                ? new Retryable("server_error", message, null, true)
                : new Permanent("request_rejected", message);
    }

    private static PublishOutcome unreadable(HttpAnswer answer, Instant now) {
        String message = "Meta answered HTTP " + answer.status() + " without a readable error";
        if (isServerError(answer)) {
            return new Retryable("server_error", message, null, true);
        }
        if (answer.status() == 429) {
            return new Retryable("rate_limited", message, regainAccessAt(answer, now), false);
        }
        return new Permanent("unexpected_answer", message);
    }

    private static Instant regainAccessAt(HttpAnswer answer, Instant now) {
        return answer.header(BusinessUseCaseUsage.HEADER)
                .stream()
                .mapToLong(header -> BusinessUseCaseUsage.minutesToRegainAccess(header).orElse(0))
                .filter(minutes -> minutes > 0)
                .mapToObj(minutes -> now.plus(Duration.ofMinutes(Math.min(minutes, LONGEST_WAIT_MINUTES))))
                .findFirst()
                .orElse(now.plus(DEFAULT_RATE_LIMIT_WAIT));
    }

    private static boolean isServerError(HttpAnswer answer) {
        return answer.status() >= 500 && answer.status() <= 599;
    }
}
