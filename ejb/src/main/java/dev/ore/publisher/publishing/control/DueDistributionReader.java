package dev.ore.publisher.publishing.control;

import dev.ore.publisher.publishing.boundary.Claims;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Reads due distributions by claiming them a page at a time. Each claim commits before the
 * distributions are handed on, so no platform call ever runs while the claim's transaction is
 * open, and a claimed row is already marked with this node and a lease. Ends when nothing more is
 * due. Keeps no checkpoint: the claims in the database are the state.
 */
@Named
@Dependent
public class DueDistributionReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String pageSize;

    @Inject
    @BatchProperty
    String lease;

    @Inject
    Claims claims;

    @Inject
    NodeIdentity node;

    @Inject
    HeldClaims held;

    @Inject
    UnsentClaims unsentClaims;

    private final Deque<PublishTask> page = new ArrayDeque<>();

    /** Handed on in the current chunk; the writer lets go of them once their outcomes are recorded. */
    private final List<UUID> sinceCheckpoint = new ArrayList<>();

    @Override
    public Object readItem() {
        try {
            if (page.isEmpty()) {
                List<PublishTask> claimed = claims.claimDue(node.name(), Integer.parseInt(pageSize), Duration.parse(lease));
                held.holdUnsent(ids(claimed));
                page.addAll(claimed);
            }
            PublishTask next = page.poll();
            if (next != null) {
                sinceCheckpoint.add(next.distributionId());
            }
            return next;
        } catch (RuntimeException e) {
            throw new PublishingFailure("claiming due distributions failed", e);
        }
    }

    /** Called as each chunk commits: everything read so far has been written. */
    @Override
    public Serializable checkpointInfo() {
        sinceCheckpoint.clear();
        return null;
    }

    /**
     * A step stopped between chunks (job stop, undeploy, shutdown) leaves claimed rows in the
     * page that were never sent: give them back now instead of leaving them to lease expiry. A
     * step that failed within a chunk leaves that chunk's rows claimed, their outcome unknown:
     * they are no longer renewed, and recovery reads them back once their lease runs out.
     */
    @Override
    public void close() {
        held.letGo(sinceCheckpoint);
        sinceCheckpoint.clear();
        if (page.isEmpty()) {
            return;
        }
        List<UUID> unsent = ids(page);
        page.clear();
        try {
            unsentClaims.giveBack(unsent);
        } catch (SQLException e) {
            throw new PublishingFailure("releasing unsent claims failed (their leases will expire)", e);
        } finally {
            held.letGo(unsent);
        }
    }

    private static List<UUID> ids(Collection<PublishTask> tasks) {
        return tasks.stream().map(PublishTask::distributionId).toList();
    }
}
