package dev.ore.publisher.distribution.entity;

import dev.ore.publisher.platform.entity.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of content, scheduled for one platform account at one instant: the unit the worker
 * claims, publishes, retries and audits.
 *
 * <p>The worker moves a distribution {@code SCHEDULED → PUBLISHING → PUBLISHED}; a transient
 * failure sends it to {@code RETRY_SCHEDULED} with a later {@code nextAttemptAt}, a permanent one
 * (or running out of attempts) to {@code FAILED}. A dead token parks it in
 * {@code WAITING_FOR_ACCOUNT} without burning an attempt. A publish whose outcome cannot be known
 * ends in {@code UNKNOWN_OUTCOME} for an operator to decide. Claiming is done in SQL (several
 * nodes share the table), so this entity carries the claim columns but not the claim itself.
 */
@Entity
@Table(name = "content_distribution")
public class ContentDistribution {

    public static final int DEFAULT_MAX_RETRY_COUNT = 3;
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMinutes(5);

    @Id
    private UUID id;

    @Column(name = "team_id", nullable = false, updatable = false)
    private UUID teamId;

    @Column(name = "content_id", nullable = false, updatable = false)
    private UUID contentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Platform platform;

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "publish_on_utc", nullable = false)
    private Instant publishOnUtc;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DistributionStatus status;

    @Column(name = "attempt_count", nullable = false)
    private int attemptCount;

    @Column(name = "max_retry_count", nullable = false)
    private int maxRetryCount;

    @Column(name = "retry_interval_seconds", nullable = false)
    private int retryIntervalSeconds;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** When the current attempt was claimed: the anchor of every read-back of it. */
    @Column(name = "attempted_at")
    private Instant attemptedAt;

    /** Read-backs of the current attempt that found nothing so far. */
    @Column(name = "read_back_count", nullable = false)
    private int readBackCount;

    @Column(name = "external_post_id")
    private String externalPostId;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "last_error_code")
    private String lastErrorCode;

    @Column(name = "last_error_message")
    private String lastErrorMessage;

    @Column(name = "created_on_utc", nullable = false, updatable = false)
    private Instant createdOnUtc;

    @Column(name = "modified_on_utc", nullable = false)
    private Instant modifiedOnUtc;

    @Version
    private long version;

    protected ContentDistribution() {
    }

    public ContentDistribution(UUID teamId, UUID contentId, Platform platform, UUID accountId, Instant publishOnUtc,
                               String timeZone, int maxRetryCount, Duration retryInterval) {
        this.id = UUID.randomUUID();
        this.teamId = Objects.requireNonNull(teamId, "teamId");
        this.contentId = Objects.requireNonNull(contentId, "contentId");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.accountId = accountId;
        this.publishOnUtc = Objects.requireNonNull(publishOnUtc, "publishOnUtc");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        if (maxRetryCount < 0) {
            throw new IllegalArgumentException("maxRetryCount must not be negative");
        }
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("retryInterval must be positive");
        }
        this.maxRetryCount = maxRetryCount;
        this.retryIntervalSeconds = Math.toIntExact(retryInterval.toSeconds());
        this.status = DistributionStatus.SCHEDULED;
        this.nextAttemptAt = publishOnUtc;
    }

    /** Whether this node still holds the claim it took (a recovered lease belongs to someone else). */
    public boolean isClaimedBy(String node) {
        return status == DistributionStatus.PUBLISHING && node.equals(claimedBy);
    }

    /** The platform holds the post: final. */
    public void published(String externalPostId, Instant at) {
        requirePublishing();
        this.status = DistributionStatus.PUBLISHED;
        this.externalPostId = Objects.requireNonNull(externalPostId, "externalPostId");
        this.publishedAt = Objects.requireNonNull(at, "at");
        this.nextAttemptAt = null;
        this.lastErrorCode = null;
        this.lastErrorMessage = null;
        releaseClaim();
    }

    /** A transient failure with attempts left: try again at {@code next}. */
    public void retryAt(Instant next, String errorCode, String errorMessage) {
        requirePublishing();
        this.status = DistributionStatus.RETRY_SCHEDULED;
        this.nextAttemptAt = Objects.requireNonNull(next, "next");
        this.readBackCount = 0;
        recordError(errorCode, errorMessage);
        releaseClaim();
    }

    /**
     * Reading the post back found nothing, but the platform may list it late: read back again at
     * {@code next} before anything is sent again. The attempt stays counted.
     */
    public void recheckAt(Instant next, String errorCode, String errorMessage) {
        requirePublishing();
        if (attemptedAt == null) {
            throw new IllegalStateException("distribution " + id + " has no attempt to read back");
        }
        this.status = DistributionStatus.RECHECK_SCHEDULED;
        this.nextAttemptAt = Objects.requireNonNull(next, "next");
        this.readBackCount++;
        recordError(errorCode, errorMessage);
        releaseClaim();
    }

    /** A permanent failure, or the last attempt failed: final. */
    public void fail(String errorCode, String errorMessage) {
        requirePublishing();
        this.status = DistributionStatus.FAILED;
        this.nextAttemptAt = null;
        recordError(errorCode, errorMessage);
        releaseClaim();
    }

    /**
     * The account cannot publish until a person reconnects it. The attempt is given back: a dead
     * token is not the content's fault.
     */
    public void waitForAccount(String errorCode, String errorMessage) {
        requirePublishing();
        this.status = DistributionStatus.WAITING_FOR_ACCOUNT;
        this.attemptCount = Math.max(0, attemptCount - 1);
        this.nextAttemptAt = null;
        recordError(errorCode, errorMessage);
        releaseClaim();
    }

    /**
     * Whether the post exists cannot be known (the platform refuses to list the account's posts,
     * or the listing failed): an operator decides, the worker never resends on its own.
     */
    public void outcomeUnknown(String errorCode, String errorMessage) {
        requirePublishing();
        this.status = DistributionStatus.UNKNOWN_OUTCOME;
        this.nextAttemptAt = null;
        recordError(errorCode, errorMessage);
        releaseClaim();
    }

    /** An operator found the post on the platform: final, with the id they found. */
    public void confirmedPublished(String externalPostId, Instant at) {
        requireUnknownOutcome();
        this.status = DistributionStatus.PUBLISHING;
        published(externalPostId, at);
    }

    /** An operator checked that the post is not on the platform: it goes out again as soon as possible. */
    public void publishAgain(Instant now) {
        requireUnknownOutcome();
        this.status = DistributionStatus.SCHEDULED;
        this.attemptCount = Math.max(0, attemptCount - 1);
        this.nextAttemptAt = now;
    }

    private void requireUnknownOutcome() {
        if (status != DistributionStatus.UNKNOWN_OUTCOME) {
            throw new IllegalStateException("distribution " + id + " is " + status + ", not UNKNOWN_OUTCOME");
        }
    }

    /** A client withdraws the distribution before it went out; only possible in {@link DistributionStatus#CANCELLABLE} states. */
    public void cancel() {
        if (!DistributionStatus.CANCELLABLE.contains(status)) {
            throw new IllegalStateException("distribution " + id + " is " + status + " and can no longer be cancelled");
        }
        this.status = DistributionStatus.CANCELLED;
        this.nextAttemptAt = null;
    }

    /** A failed distribution gets a fresh attempt budget and goes out as soon as possible. */
    public void retryFromScratch(Instant now) {
        if (status != DistributionStatus.FAILED) {
            throw new IllegalStateException("distribution " + id + " is " + status + "; only FAILED ones can be retried");
        }
        this.status = DistributionStatus.SCHEDULED;
        this.attemptCount = 0;
        this.nextAttemptAt = now;
        this.lastErrorCode = null;
        this.lastErrorMessage = null;
    }

    /** Attempts allowed in all: the first plus the retries. */
    public int maxAttempts() {
        return 1 + maxRetryCount;
    }

    private void requirePublishing() {
        if (status != DistributionStatus.PUBLISHING) {
            throw new IllegalStateException("distribution " + id + " is " + status + ", not PUBLISHING");
        }
    }

    private void recordError(String code, String message) {
        this.lastErrorCode = code;
        this.lastErrorMessage = message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public int getReadBackCount() {
        return readBackCount;
    }

    private void releaseClaim() {
        this.claimedBy = null;
        this.leaseUntil = null;
    }

    @PrePersist
    void onCreate() {
        createdOnUtc = Instant.now();
        modifiedOnUtc = createdOnUtc;
    }

    @PreUpdate
    void onUpdate() {
        modifiedOnUtc = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public UUID getContentId() {
        return contentId;
    }

    public Platform getPlatform() {
        return platform;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public Instant getPublishOnUtc() {
        return publishOnUtc;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public DistributionStatus getStatus() {
        return status;
    }

    public int getAttemptCount() {
        return attemptCount;
    }

    public int getMaxRetryCount() {
        return maxRetryCount;
    }

    public Duration getRetryInterval() {
        return Duration.ofSeconds(retryIntervalSeconds);
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public String getExternalPostId() {
        return externalPostId;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getLastErrorCode() {
        return lastErrorCode;
    }

    public String getLastErrorMessage() {
        return lastErrorMessage;
    }

    public Instant getCreatedOnUtc() {
        return createdOnUtc;
    }

    public Instant getModifiedOnUtc() {
        return modifiedOnUtc;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "ContentDistribution[id=" + id + ", platform=" + platform + ", status=" + status
                + ", attempt=" + attemptCount + "]";
    }
}
