package dev.ore.publisher.publishing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadBackScheduleTest {

    static final Instant ATTEMPT = Instant.parse("2026-03-10T10:00:00Z");
    static final ReadBackSchedule DOCUMENTED = new ReadBackSchedule(List.of(Duration.ofSeconds(15),
            Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(10)));

    @ParameterizedTest(name = "after read-back {0}: attempt + {1} s")
    @CsvSource({"1, 15", "2, 60", "3, 180", "4, 600"})
    void readsBackAgainAtTheDocumentedTimesAfterTheAttempt(int readBacks, long seconds) {
        assertThat(DOCUMENTED.nextCheck(readBacks, ATTEMPT, ATTEMPT.plusSeconds(1)))
                .contains(ATTEMPT.plusSeconds(seconds));
    }

    @Test
    void believesNotFoundOnlyAfterTheLastRecheck() {
        assertThat(DOCUMENTED.nextCheck(5, ATTEMPT, ATTEMPT.plusSeconds(700))).isEmpty();
        assertThat(DOCUMENTED.readBacks()).isEqualTo(5);
    }

    @Test
    void aLateReadBackIsFollowedByTheNextOneAtOnceRatherThanInThePast() {
        // A dead node's row is read back first long after its attempt.
        Instant late = ATTEMPT.plus(Duration.ofMinutes(5));
        assertThat(DOCUMENTED.nextCheck(1, ATTEMPT, late)).contains(late);
        assertThat(DOCUMENTED.nextCheck(4, ATTEMPT, late)).contains(ATTEMPT.plus(Duration.ofMinutes(10)));
    }

    @Test
    void withoutRechecksTheFirstNotFoundIsFinal() {
        ReadBackSchedule none = new ReadBackSchedule(List.of());
        assertThat(none.nextCheck(1, ATTEMPT, ATTEMPT)).isEmpty();
        assertThat(none.readBacks()).isEqualTo(1);
    }
}
