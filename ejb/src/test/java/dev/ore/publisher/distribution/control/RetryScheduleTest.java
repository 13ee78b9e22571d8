package dev.ore.publisher.distribution.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @ParameterizedTest(name = "after attempt {0}: +{1} min")
    @CsvSource({"1, 5", "2, 10", "3, 20", "4, 40"})
    void doublesTheWaitAfterEachAttempt(int attemptsMade, long expectedMinutes) {
        assertThat(RetrySchedule.nextAttempt(attemptsMade, 4, FIVE_MINUTES, NOW, null))
                .contains(NOW.plus(Duration.ofMinutes(expectedMinutes)));
    }

    @Test
    void isExhaustedOnceTheFirstAttemptAndEveryRetryAreUsed() {
        assertThat(RetrySchedule.nextAttempt(5, 4, FIVE_MINUTES, NOW, null)).isEmpty();
        assertThat(RetrySchedule.nextAttempt(6, 4, FIVE_MINUTES, NOW, null)).isEmpty();
    }

    @ParameterizedTest(name = "after attempt {0}")
    @CsvSource({"1, 5", "2, 10", "3, 20"})
    void retriesThreeTimesWithTheDefaults(int attemptsMade, long expectedMinutes) {
        assertThat(RetrySchedule.nextAttempt(attemptsMade, 3, FIVE_MINUTES, NOW, null))
                .contains(NOW.plus(Duration.ofMinutes(expectedMinutes)));
    }

    @Test
    void isExhaustedAfterTheFourthAttemptWithTheDefaults() {
        assertThat(RetrySchedule.nextAttempt(4, 3, FIVE_MINUTES, NOW, null)).isEmpty();
    }

    @Test
    void neverRetriesWhenNoRetriesAreAllowed() {
        assertThat(RetrySchedule.nextAttempt(1, 0, FIVE_MINUTES, NOW, null)).isEmpty();
    }

    @ParameterizedTest(name = "after attempt {0}")
    @CsvSource({"7", "8", "40", "63", "64", "1000", "2147483646"})
    void capsTheWaitAtFourHours(int attemptsMade) {
        assertThat(RetrySchedule.nextAttempt(attemptsMade, Integer.MAX_VALUE, FIVE_MINUTES, NOW, null))
                .contains(NOW.plus(RetrySchedule.MAX_DELAY));
    }

    @Test
    void capsAHugeIntervalWithoutOverflowing() {
        assertThat(RetrySchedule.nextAttempt(30, 100, Duration.ofDays(365_000), NOW, null))
                .contains(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void waitsForThePlatformWhenItsResetIsLater() {
        Instant platformReset = NOW.plus(Duration.ofHours(9));

        assertThat(RetrySchedule.nextAttempt(1, 3, FIVE_MINUTES, NOW, platformReset)).contains(platformReset);
    }

    @Test
    void keepsTheBackoffWhenThePlatformResetIsEarlier() {
        Instant platformReset = NOW.plus(Duration.ofMinutes(1));

        assertThat(RetrySchedule.nextAttempt(2, 3, FIVE_MINUTES, NOW, platformReset))
                .contains(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void letsAPlatformResetBeyondTheCapWin() {
        Instant midnight = NOW.plus(Duration.ofHours(14));

        assertThat(RetrySchedule.nextAttempt(3, 3, FIVE_MINUTES, NOW, midnight)).contains(midnight);
    }

    @Test
    void ignoresThePlatformResetOnceExhausted() {
        assertThat(RetrySchedule.nextAttempt(4, 3, FIVE_MINUTES, NOW, NOW.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RetrySchedule.nextAttempt(1, 3, Duration.ZERO, NOW, null));
    }
}
