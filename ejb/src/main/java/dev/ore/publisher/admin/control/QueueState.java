package dev.ore.publisher.admin.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The distribution queue at one moment, measured on the database clock.
 *
 * @param oldestDueAge how long the oldest due, unclaimed distribution has waited ({@link Duration#ZERO} when none is due)
 * @param inFlight     distributions claimed (PUBLISHING) by some node
 * @param expiredLeases claimed distributions whose lease ended: their node died or hangs
 * @param unknownOutcomes distributions whose post may or may not exist, oldest first: an operator
 *                        marks each published (with the post's id) or publishes it again
 */
public record QueueState(Instant measuredAt, List<Count> counts, long due, Duration oldestDueAge, long inFlight,
                         long expiredLeases, List<FailureCount> failureCounts, List<Failure> recentFailures,
                         List<Failure> unknownOutcomes) {

    public record Count(String status, String platform, long count) {
    }

    public record FailureCount(String platform, String errorCode, long count) {
    }

    public record Failure(UUID distributionId, UUID teamId, String platform, String errorCode, String errorMessage,
                          Integer attempt, Instant at) {
    }
}
