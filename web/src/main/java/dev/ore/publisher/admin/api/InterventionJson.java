package dev.ore.publisher.admin.api;

import dev.ore.publisher.distribution.entity.ContentDistribution;
import java.time.Instant;
import java.util.UUID;

/** A distribution after an operator's intervention. */
public record InterventionJson(UUID id, UUID teamId, String platform, String status, int attemptCount,
                               Instant nextAttemptAt, String externalPostId) {

    static InterventionJson from(ContentDistribution distribution) {
        return new InterventionJson(distribution.getId(), distribution.getTeamId(),
                distribution.getPlatform().name(), distribution.getStatus().name(), distribution.getAttemptCount(),
                distribution.getNextAttemptAt(), distribution.getExternalPostId());
    }
}
