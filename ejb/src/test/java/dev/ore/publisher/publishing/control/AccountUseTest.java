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
    void anAccountIsWrittenOnItsFirstUse() {
        assertThat(use.toWrite(List.of(first, second), NOON)).containsExactly(first, second);
    }

    @Test
    void isNotWrittenAgainWithinThePrecision() {
        use.toWrite(List.of(first), NOON);

        assertThat(use.toWrite(List.of(first, second), NOON.plusSeconds(59))).containsExactly(second);
        assertThat(use.toWrite(List.of(first), NOON.plus(AccountUse.PRECISION))).isEmpty();
    }

    @Test
    void isWrittenAgainOnceThePrecisionHasPassed() {
        use.toWrite(List.of(first), NOON);

        assertThat(use.toWrite(List.of(first), NOON.plus(AccountUse.PRECISION).plusMillis(1))).containsExactly(first);
        assertThat(use.toWrite(List.of(first), NOON.plusSeconds(90))).isEmpty();
    }

    @Test
    void aClockThatWentBackDoesNotHoldTheColumnBack() {
        use.toWrite(List.of(first), NOON);

        assertThat(use.toWrite(List.of(first), NOON.minusSeconds(5))).containsExactly(first);
    }

    @Test
    void forgetsAccountsNotWrittenWithinThePrecisionOnceItRemembersMany() {
        List<UUID> many = IntStream.range(0, AccountUse.PRUNE_ABOVE).mapToObj(i -> UUID.randomUUID()).toList();
        use.toWrite(many, NOON);
        assertThat(use.remembered()).isEqualTo(AccountUse.PRUNE_ABOVE);

        use.toWrite(List.of(first), NOON.plusSeconds(120));

        assertThat(use.remembered()).isEqualTo(1);
        assertThat(use.toWrite(List.of(first), NOON.plusSeconds(121))).isEmpty();
    }
}
