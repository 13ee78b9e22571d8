package dev.ore.publisher.distribution.api;

import dev.ore.publisher.audit.entity.AuditEntry;
import dev.ore.publisher.distribution.entity.ContentDistribution;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A distribution as the API shows it; {@code history} only on single reads. */
@JsonbPropertyOrder({"id", "contentId", "platform", "status", "attemptCount", "maxRetryCount", "retryInterval",
        "publishOnUtc", "timeZone", "nextAttemptAt", "publishedAt", "externalPostId", "postUrl", "lastError", "history"})
public record DistributionJson(UUID id, UUID contentId, String platform, String status, int attemptCount,
                               int maxRetryCount, String retryInterval, Instant publishOnUtc, String timeZone,
                               Instant nextAttemptAt, Instant publishedAt, String externalPostId, String postUrl,
                               ErrorJson lastError, List<EventJson> history) {

    public record ErrorJson(String code, String message) {
    }

    public record EventJson(String action, String actor, Instant occurredOnUtc, Map<String, Object> details) {

        static EventJson from(AuditEntry entry) {
            return new EventJson(entry.getAction(), entry.getActor(), entry.getOccurredOnUtc(), entry.getMetadata());
        }
    }

    public static DistributionJson from(ContentDistribution d) {
        return from(d, null);
    }

    public static DistributionJson from(ContentDistribution d, List<AuditEntry> history) {
        return new DistributionJson(d.getId(), d.getContentId(), d.getPlatform().name(), d.getStatus().name(),
                d.getAttemptCount(), d.getMaxRetryCount(), d.getRetryInterval().toString(), d.getPublishOnUtc(),
                d.getTimeZone(), d.getNextAttemptAt(), d.getPublishedAt(), d.getExternalPostId(),
                PostUrls.of(d.getPlatform(), d.getExternalPostId()),
                d.getLastErrorCode() == null ? null : new ErrorJson(d.getLastErrorCode(), d.getLastErrorMessage()),
                history == null ? null : history.stream().map(EventJson::from).toList());
    }
}
