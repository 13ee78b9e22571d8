package dev.ore.publisher.distribution.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ore.publisher.platform.entity.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContentDistributionTest {

    private final Instant at = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aNewDistributionIsScheduledForItsPublishTime() {
        var distribution = new ContentDistribution(UUID.randomUUID(), UUID.randomUUID(), Platform.X, null, at,
                "Europe/Berlin", 3, Duration.ofMinutes(5));

        assertThat(distribution.getStatus()).isEqualTo(DistributionStatus.SCHEDULED);
        assertThat(distribution.getNextAttemptAt()).isEqualTo(at);
        assertThat(distribution.getAttemptCount()).isZero();
        assertThat(distribution.getRetryInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesNegativeRetriesAndNonPositiveIntervals() {
        assertThatThrownBy(() -> new ContentDistribution(UUID.randomUUID(), UUID.randomUUID(), Platform.X, null, at,
                "UTC", -1, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentDistribution(UUID.randomUUID(), UUID.randomUUID(), Platform.X, null, at,
                "UTC", 3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnUnknownOutcomeCanBeConfirmedOrPublishedAgain() {
        var distribution = new ContentDistribution(UUID.randomUUID(), UUID.randomUUID(), Platform.X, null, at,
                "UTC", 3, Duration.ofMinutes(5));

        assertThatThrownBy(() -> distribution.publishAgain(at)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> distribution.confirmedPublished("1", at)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> distribution.outcomeUnknown("read_failed", null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownOutcomeConfirmedByAnOperatorIsPublishedWithTheirId() throws Exception {
        var distribution = unknownOutcomeAfterOneAttempt();

        distribution.confirmedPublished("1874", at);

        assertThat(distribution.getStatus()).isEqualTo(DistributionStatus.PUBLISHED);
        assertThat(distribution.getExternalPostId()).isEqualTo("1874");
        assertThat(distribution.getLastErrorCode()).isNull();
    }

    @Test
    void anUnknownOutcomePublishedAgainIsDueAtOnceWithItsAttemptGivenBack() throws Exception {
        var distribution = unknownOutcomeAfterOneAttempt();

        distribution.publishAgain(at);

        assertThat(distribution.getStatus()).isEqualTo(DistributionStatus.SCHEDULED);
        assertThat(distribution.getNextAttemptAt()).isEqualTo(at);
        assertThat(distribution.getAttemptCount()).isZero();
    }

    /** The claim is SQL, so the state a worker leaves behind is set directly. */
    private ContentDistribution unknownOutcomeAfterOneAttempt() throws Exception {
        var distribution = new ContentDistribution(UUID.randomUUID(), UUID.randomUUID(), Platform.X, null, at,
                "UTC", 3, Duration.ofMinutes(5));
        set(distribution, "status", DistributionStatus.PUBLISHING);
        set(distribution, "attemptCount", 1);
        distribution.outcomeUnknown("linkedin_member_unreadable", "cannot read back");
        assertThat(distribution.getStatus()).isEqualTo(DistributionStatus.UNKNOWN_OUTCOME);
        assertThat(distribution.getNextAttemptAt()).isNull();
        return distribution;
    }

    private static void set(ContentDistribution distribution, String field, Object value) throws Exception {
        var declared = ContentDistribution.class.getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(distribution, value);
    }

    @Test
    void claimableAndCancellableStatesFollowTheLifecycle() {
        assertThat(DistributionStatus.CLAIMABLE)
                .containsExactlyInAnyOrder(DistributionStatus.SCHEDULED, DistributionStatus.RETRY_SCHEDULED);
        assertThat(DistributionStatus.CANCELLABLE).contains(DistributionStatus.WAITING_FOR_ACCOUNT)
                .doesNotContain(DistributionStatus.PUBLISHING, DistributionStatus.PUBLISHED);
        assertThat(DistributionStatus.PUBLISHED.isFinal()).isTrue();
        assertThat(DistributionStatus.RETRY_SCHEDULED.isFinal()).isFalse();
    }
}
