package dev.ore.publisher.publishing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccountUseTest {

    static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");

    final AccountUse use = new AccountUse();
    final UUID first = UUID.randomUUID();
    final UUID second = UUID.randomUUID();

    @Test
    void anAccountIsDueOnItsFirstUse() {
        assertThat(use.due(List.of(first, second), NOON)).containsExactly(first, second);
    }

    @Test
    void isNotDueAgainWithinThePrecisionOfItsWrite() {
        use.written(List.of(first), NOON);

        assertThat(use.due(List.of(first, second), NOON.plusSeconds(59))).containsExactly(second);
        assertThat(use.due(List.of(first), NOON.plus(AccountUse.PRECISION))).isEmpty();
    }

    @Test
    void isDueAgainOnceThePrecisionHasPassed() {
        use.written(List.of(first), NOON);

        assertThat(use.due(List.of(first), NOON.plus(AccountUse.PRECISION).plusMillis(1))).containsExactly(first);
    }

    @Test
    void anAccountWhoseWriteWasSkippedStaysDue() {
        List<UUID> due = use.due(List.of(first, second), NOON);
        use.written(List.of(second), NOON); // first's row was locked, so the statement skipped it

        assertThat(due).containsExactly(first, second);
        assertThat(use.due(List.of(first, second), NOON.plusSeconds(1))).containsExactly(first);
    }

    @Test
    void aClockThatWentBackDoesNotHoldTheColumnBack() {
        use.written(List.of(first), NOON);

        assertThat(use.due(List.of(first), NOON.minusSeconds(5))).containsExactly(first);
    }

    @Test
    void forgetsAccountsNotWrittenWithinThePrecisionOnceItRemembersMany() {
        List<UUID> many = IntStream.range(0, AccountUse.PRUNE_ABOVE).mapToObj(i -> UUID.randomUUID()).toList();
        use.written(many, NOON);
        assertThat(use.remembered()).isEqualTo(AccountUse.PRUNE_ABOVE);

        use.written(List.of(first), NOON.plusSeconds(120));

        assertThat(use.remembered()).isEqualTo(1);
        assertThat(use.due(List.of(first), NOON.plusSeconds(121))).isEmpty();
    }
}
