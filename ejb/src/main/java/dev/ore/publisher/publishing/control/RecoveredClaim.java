package dev.ore.publisher.publishing.control;

import java.time.Instant;

/**
 * A distribution whose lease expired, now held by this node for reconciliation.
 *
 * @param attemptedAt when the dead node claimed it (the attempt can only have been sent after that)
 */
public record RecoveredClaim(PublishTask task, Instant attemptedAt) {
}
