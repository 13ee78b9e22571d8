package dev.ore.publisher.distribution.boundary;

import dev.ore.publisher.platform.entity.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to publish content on one or more platforms at one instant.
 *
 * @param contentId      existing content of the team, or {@code null} when {@code newContent} is given
 * @param timeZone       the IANA zone the client thinks in (kept for display; {@code publishOnUtc} rules)
 * @param idempotency    the client's idempotency key and request hash, or {@code null}
 */
public record Schedule(UUID teamId, String actor, UUID contentId, NewContent newContent, List<Platform> platforms,
                       Instant publishOnUtc, String timeZone, Duration retryInterval, int maxRetryCount,
                       Idempotency idempotency) {

    public Schedule {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(platforms, "platforms");
        Objects.requireNonNull(publishOnUtc, "publishOnUtc");
        if ((contentId == null) == (newContent == null)) {
            throw new IllegalArgumentException("give either contentId or newContent");
        }
    }

    public record NewContent(String title, String body, String caption, String hashtags, String linkUrl,
                             String mediaUrl) {
    }

    public record Idempotency(String key, String requestHash) {
    }
}
