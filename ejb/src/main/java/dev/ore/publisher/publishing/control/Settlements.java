package dev.ore.publisher.publishing.control;

import dev.ore.publisher.audit.control.AuditTrail;
import dev.ore.publisher.audit.entity.AuditEntry;
import dev.ore.publisher.distribution.control.RetrySchedule;
import dev.ore.publisher.distribution.entity.ContentDistribution;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.platform.control.PublishOutcome.Permanent;
import dev.ore.publisher.platform.control.PublishOutcome.Published;
import dev.ore.publisher.platform.control.PublishOutcome.Retryable;
import dev.ore.publisher.platform.control.PublishOutcome.TokenRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one publish outcome to its distribution: the state machine's transition out of
 * PUBLISHING, and the audit row that records it, which the caller writes with the chunk's others
 * ({@link SettledDistributions}, {@link AuditTrail#recordAll}). Runs inside the caller's
 * transaction. Each transition is also logged and counted ({@link SettlementEvents}).
 */
@ApplicationScoped
public class Settlements {

    static final String ENTITY = "content_distribution";

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Inject
    SettlementEvents events;

    @Inject
    ReadBackSchedule readBacks;

    @Inject
    AccountUse accountUse;

    /** @return the transition's audit row, to be recorded */
    public AuditEntry settle(ContentDistribution distribution, PublishAttempt attempt, Instant now) {
        return settle(distribution, attempt, now, "transient");
    }

    /**
     * Settles a distribution whose outcome was unknown (its node died, or an earlier read-back
     * found nothing) by what reading it back found: the post exists, it does not (read back again
     * later, or after the last re-check back to the retry path, the attempt counted), or nobody
     * can tell.
     *
     * @return the transition's audit row, to be recorded
     */
    public AuditEntry settleRecovered(ContentDistribution distribution, RecoveredClaim claim, Verdict verdict, Instant now) {
        Retryable unknown = switch (claim.why()) {
            case LEASE_EXPIRED -> new Retryable("lease_expired",
                    "the node publishing it stopped before recording an outcome", null, true);
            case RECHECK -> new Retryable(Objects.requireNonNullElse(distribution.getLastErrorCode(), "not_found"),
                    distribution.getLastErrorMessage(), null, true);
        };
        return settle(distribution, new PublishAttempt(claim.task(), unknown, verdict), now, claim.why().reason());
    }

    private AuditEntry settle(ContentDistribution distribution, PublishAttempt attempt, Instant now, String reason) {
        PublishOutcome outcome = attempt.outcome();
        if (attempt.verdict() instanceof Verdict.Found found) {
            distribution.published(found.externalPostId(), now);
            Map<String, Object> metadata = new LinkedHashMap<>(Map.of(
                    "ExternalPostId", found.externalPostId(),
                    "PublishedAt", now.toString(),
                    "Reconciled", true,
                    "Reason", reason));
            if (found.duplicateSuspected()) {
                metadata.put("DuplicateSuspected", true);
                metadata.put("Matches", found.matches());
            }
            return record(distribution, attempt, "content_published", metadata);
        }
        if (attempt.verdict() instanceof Verdict.CannotTell unknown) {
            distribution.outcomeUnknown(unknown.code(), unknown.message());
            return record(distribution, attempt, "publish_outcome_unknown",
                    failure(unknown.code(), unknown.message(), reason));
        }
        if (outcome instanceof Published published) {
            distribution.published(published.externalPostId(), now);
            return record(distribution, attempt, "content_published", Map.of(
                    "ExternalPostId", published.externalPostId(),
                    "PublishedAt", now.toString()));
        }
        if (outcome instanceof Retryable retryable) {
            return recheckLater(distribution, attempt, retryable, now, reason)
                    .orElseGet(() -> retryOrFail(distribution, attempt, retryable, now, reason));
        }
        if (outcome instanceof Permanent permanent) {
            distribution.fail(permanent.code(), permanent.message());
            return record(distribution, attempt, "content_publish_failed",
                    failure(permanent.code(), permanent.message(), "permanent"));
        }
        TokenRejected rejected = (TokenRejected) outcome;
        distribution.waitForAccount(rejected.code(), rejected.message());
        return record(distribution, attempt, "distribution_waiting_for_account",
                failure(rejected.code(), rejected.message(), "account"));
    }

    /**
     * Shown as lastUsedAt in the accounts list, to {@link AccountUse#PRECISION}: an account is
     * written at most that often by this node, and then with the chunk's others in one statement
     * (a native statement flushes the persistence context, so one per settlement made a chunk's
     * cost grow with its square). Advisory, so it never waits: a row locked by a token refresh or
     * by another chunk's settlement is skipped and stays due, so the next chunk that uses the
     * account writes it; settlements touching several accounts cannot deadlock.
     */
    public void accountsUsed(Collection<UUID> used, Instant now) {
        List<UUID> due = accountUse.due(used, now);
        if (due.isEmpty()) {
            return;
        }
        List<?> written = em.createNativeQuery("UPDATE social_media_account SET last_used_at = :now WHERE id IN (SELECT id "
                        + "FROM social_media_account WHERE id IN (:ids) AND (last_used_at IS NULL OR last_used_at < :now) "
                        + "FOR UPDATE SKIP LOCKED) RETURNING id")
                .setParameter("now", Timestamp.from(now)).setParameter("ids", due).getResultList();
        accountUse.written(written.stream().map(UUID.class::cast).toList(), now);
    }

    /**
     * A read-back that found nothing is believed only after the last re-check: until then the
     * distribution waits in RECHECK_SCHEDULED, and nothing is sent again.
     *
     * @return the audit row of the re-check, if one was scheduled
     */
    private Optional<AuditEntry> recheckLater(ContentDistribution distribution, PublishAttempt attempt,
                                              Retryable retryable, Instant now, String reason) {
        if (!(attempt.verdict() instanceof Verdict.NotFound) || distribution.getAttemptedAt() == null) {
            return Optional.empty();
        }
        int readBacksDone = distribution.getReadBackCount() + 1;
        Optional<Instant> next = readBacks.nextCheck(readBacksDone, distribution.getAttemptedAt(), now);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        distribution.recheckAt(next.get(), retryable.code(), retryable.message());
        Map<String, Object> metadata = failure(retryable.code(), retryable.message(), reason);
        metadata.put("ReadBack", "not_found");
        metadata.put("ReadBacks", readBacksDone);
        metadata.put("NextCheckAt", next.get().toString());
        return Optional.of(record(distribution, attempt, "publish_recheck_scheduled", metadata));
    }

    private AuditEntry retryOrFail(ContentDistribution distribution, PublishAttempt attempt, Retryable retryable,
                                   Instant now, String reason) {
        Optional<Instant> next = RetrySchedule.nextAttempt(distribution.getAttemptCount(),
                distribution.getMaxRetryCount(), distribution.getRetryInterval(), now, retryable.notBefore());
        if (next.isPresent()) {
            distribution.retryAt(next.get(), retryable.code(), retryable.message());
            Map<String, Object> metadata = failure(retryable.code(), retryable.message(), reason);
            metadata.put("NextAttemptAt", next.get().toString());
            metadata.put("Ambiguous", retryable.ambiguous());
            readBack(attempt, metadata);
            return record(distribution, attempt, "publish_retry_scheduled", metadata);
        }
        distribution.fail(retryable.code(), retryable.message());
        Map<String, Object> metadata = failure(retryable.code(), retryable.message(), "attempts_exhausted");
        metadata.put("Ambiguous", retryable.ambiguous());
        readBack(attempt, metadata);
        return record(distribution, attempt, "content_publish_failed", metadata);
    }

    /** A resend after an ambiguous answer is only safe because every read-back found nothing: say so. */
    private void readBack(PublishAttempt attempt, Map<String, Object> metadata) {
        if (attempt.verdict() instanceof Verdict.NotFound) {
            metadata.put("ReadBack", "not_found");
            metadata.put("ReadBacks", readBacks.readBacks());
        }
    }

    private AuditEntry record(ContentDistribution distribution, PublishAttempt attempt, String action,
                              Map<String, ?> details) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Platform", distribution.getPlatform().name());
        metadata.put("Title", attempt.task().title());
        metadata.put("Attempt", attempt.task().attempt());
        metadata.putAll(details);
        events.settled(distribution, attempt, action, (String) details.get("ErrorCode"));
        return new AuditEntry(distribution.getTeamId(), AuditTrail.SYSTEM, action, ENTITY, distribution.getId(), metadata);
    }

    private static Map<String, Object> failure(String code, String message, String reason) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("ErrorCode", code);
        metadata.put("ErrorMessage", message == null ? "" : message);
        metadata.put("Reason", reason);
        return metadata;
    }
}
