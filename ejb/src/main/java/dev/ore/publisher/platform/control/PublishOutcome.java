package dev.ore.publisher.platform.control;

import java.time.Instant;
import java.util.Objects;

/**
 * What one publish call to a platform came to, in Ore Publisher's terms. Every answer a platform
 * can give (and every way a call can fail) maps to exactly one of these.
 */
public sealed interface PublishOutcome {

    /** The post exists on the platform. */
    record Published(String externalPostId) implements PublishOutcome {
        public Published {
            Objects.requireNonNull(externalPostId, "externalPostId");
        }
    }

    /**
     * Worth another attempt later.
     *
     * @param notBefore the platform's own earliest retry time (rate-limit reset), or {@code null}
     * @param ambiguous {@code true} when the platform may have created the post anyway (a 5xx or a
     *                  timeout after the request was sent): reconciliation looks before resending
     */
    record Retryable(String code, String message, Instant notBefore, boolean ambiguous) implements PublishOutcome {
        public Retryable {
            Objects.requireNonNull(code, "code");
        }
    }

    /** Will never succeed as it stands (policy, duplicate, validation, missing permission, config). */
    record Permanent(String code, String message) implements PublishOutcome {
        public Permanent {
            Objects.requireNonNull(code, "code");
        }
    }

    /** The platform refused the access token: refresh it, or wait for the account to be reconnected. */
    record TokenRejected(String code, String message) implements PublishOutcome {
        public TokenRejected {
            Objects.requireNonNull(code, "code");
        }
    }
}
