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
    void claimableAndCancellableStatesFollowTheLifecycle() {
        assertThat(DistributionStatus.CLAIMABLE)
                .containsExactlyInAnyOrder(DistributionStatus.SCHEDULED, DistributionStatus.RETRY_SCHEDULED);
        assertThat(DistributionStatus.CANCELLABLE).contains(DistributionStatus.WAITING_FOR_ACCOUNT)
                .doesNotContain(DistributionStatus.PUBLISHING, DistributionStatus.PUBLISHED);
        assertThat(DistributionStatus.PUBLISHED.isFinal()).isTrue();
        assertThat(DistributionStatus.RETRY_SCHEDULED.isFinal()).isFalse();
    }
}
