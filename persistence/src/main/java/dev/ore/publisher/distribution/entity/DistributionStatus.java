package dev.ore.publisher.distribution.entity;

import java.util.EnumSet;
import java.util.Set;

/** Where a distribution stands in its life; see {@code src/docs/architecture.md} for the transitions. */
public enum DistributionStatus {
    SCHEDULED,
    PUBLISHING,
    PUBLISHED,
    RETRY_SCHEDULED,
    /** A read-back found no post yet; it is read back again before anything is sent again. */
    RECHECK_SCHEDULED,
    FAILED,
    WAITING_FOR_ACCOUNT,
    UNKNOWN_OUTCOME,
    CANCELLED;

    /** States the worker claims from once {@code next_attempt_at} has passed. */
    public static final Set<DistributionStatus> CLAIMABLE = EnumSet.of(SCHEDULED, RETRY_SCHEDULED);

    /** States a client may still cancel. */
    public static final Set<DistributionStatus> CANCELLABLE = EnumSet.of(SCHEDULED, RETRY_SCHEDULED, WAITING_FOR_ACCOUNT);

    public boolean isFinal() {
        return this == PUBLISHED || this == FAILED || this == CANCELLED;
    }
}
