package dev.ore.publisher.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a post that reading back did not find is looked for again (reconciliation.md §4): the
 * first read-back runs at once, the next ones at {@code publisher.reconciliation.rechecks} after
 * the attempt (default +15 s, +1 min, +3 min, +10 min). Platforms list new posts late, so "not
 * found" is believed, and the post sent again, only after the last of them.
 */
@ApplicationScoped
public class ReadBackSchedule {

    @Inject
    @ConfigProperty(name = "publisher.reconciliation.rechecks")
    List<Duration> rechecks;

    protected ReadBackSchedule() {
    }

    ReadBackSchedule(List<Duration> rechecks) {
        this.rechecks = List.copyOf(rechecks);
    }

    /**
     * @param readBacks   read-backs of this attempt that found nothing, counting the one just made
     * @param attemptedAt when the attempt was claimed
     * @return when to read back again, never before {@code now}; empty when that was the last one
     */
    public Optional<Instant> nextCheck(int readBacks, Instant attemptedAt, Instant now) {
        if (readBacks < 1 || readBacks > rechecks.size()) {
            return Optional.empty();
        }
        Instant planned = attemptedAt.plus(rechecks.get(readBacks - 1));
        return Optional.of(planned.isAfter(now) ? planned : now);
    }

    /** Read-backs of one attempt in all: the first and every re-check. */
    public int readBacks() {
        return 1 + rechecks.size();
    }
}
