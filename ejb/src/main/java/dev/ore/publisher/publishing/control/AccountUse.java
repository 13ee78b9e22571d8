package dev.ore.publisher.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this node last wrote an account's {@code last_used_at}, so that the column is written at
 * most once a {@link #PRECISION} per account and node instead of once per chunk. Only writes that
 * happened count: an account whose row was skipped (locked by a token refresh) stays due. The
 * column is advisory (the accounts list shows it as lastUsedAt) and the memory is this node's own;
 * a write that was rolled back is caught up by the first use after the precision has passed.
 */
@ApplicationScoped
public class AccountUse {

    /** How stale lastUsedAt may be while an account is in use. */
    public static final Duration PRECISION = Duration.ofMinutes(1);

    /** Above this many remembered accounts, the ones not written within the precision are forgotten. */
    static final int PRUNE_ABOVE = 10_000;

    private final Map<UUID, Instant> written = new ConcurrentHashMap<>();

    /** The accounts among these whose last_used_at this node has not written within the precision. */
    public List<UUID> due(Collection<UUID> accountIds, Instant now) {
        Instant staleBefore = now.minus(PRECISION);
        return accountIds.stream()
                .filter(id -> {
                    Instant last = written.get(id);
                    return last == null || last.isBefore(staleBefore) || last.isAfter(now);
                })
                .toList();
    }

    /** These accounts' last_used_at was written at {@code now}. */
    public void written(Collection<UUID> accountIds, Instant now) {
        accountIds.forEach(id -> written.put(id, now));
        if (written.size() > PRUNE_ABOVE) {
            Instant staleBefore = now.minus(PRECISION);
            written.values().removeIf(last -> last.isBefore(staleBefore));
        }
    }

    /** How many accounts this node remembers. */
    int remembered() {
        return written.size();
    }
}
