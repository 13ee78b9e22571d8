package dev.ore.publisher.admin.api;

import dev.ore.publisher.admin.control.QueueState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The queue: counts by status and platform, backlog, claims in flight, failures of the last 24 h,
 * and the distributions whose outcome an operator must settle (UNKNOWN_OUTCOME, oldest first).
 */
public record QueueJson(Instant measuredAt, List<CountJson> counts, long due, String oldestDueAge,
                        long oldestDueAgeSeconds, long inFlight, long expiredLeases,
                        List<FailureCountJson> failuresByCode, List<FailureJson> recentFailures,
                        List<FailureJson> unknownOutcomes) {

    public record CountJson(String status, String platform, long count) {
    }

    public record FailureCountJson(String platform, String errorCode, long count) {
    }

    public record FailureJson(UUID distributionId, UUID teamId, String platform, String errorCode,
                              String errorMessage, Integer attempt, Instant at) {
    }

    static QueueJson from(QueueState queue) {
        return new QueueJson(queue.measuredAt(),
                queue.counts().stream().map(c -> new CountJson(c.status(), c.platform(), c.count())).toList(),
                queue.due(), queue.oldestDueAge().withNanos(0).toString(), queue.oldestDueAge().toSeconds(),
                queue.inFlight(), queue.expiredLeases(),
                queue.failureCounts().stream()
                        .map(f -> new FailureCountJson(f.platform(), f.errorCode(), f.count())).toList(),
                failures(queue.recentFailures()), failures(queue.unknownOutcomes()));
    }

    private static List<FailureJson> failures(List<QueueState.Failure> failures) {
        return failures.stream()
                .map(f -> new FailureJson(f.distributionId(), f.teamId(), f.platform(), f.errorCode(), f.errorMessage(),
                        f.attempt(), f.at()))
                .toList();
    }
}
