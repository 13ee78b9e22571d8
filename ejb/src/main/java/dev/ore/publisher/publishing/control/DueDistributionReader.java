package dev.ore.publisher.publishing.control;

import dev.ore.publisher.publishing.boundary.Claims;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

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

    private final Deque<PublishTask> page = new ArrayDeque<>();

    @Override
    public Object readItem() {
        try {
            if (page.isEmpty()) {
                page.addAll(claims.claimDue(node.name(), Integer.parseInt(pageSize), Duration.parse(lease)));
            }
            return page.poll();
        } catch (RuntimeException e) {
            throw new PublishingFailure("claiming due distributions failed", e);
        }
    }

    /**
     * A step stopped between chunks (job stop, undeploy, shutdown) leaves claimed rows in the
     * page that were never sent: give them back now instead of leaving them to lease expiry.
     */
    @Override
    public void close() {
        if (page.isEmpty()) {
            return;
        }
        try {
            claims.release(node.name(), page.stream().map(PublishTask::distributionId).toList());
            page.clear();
        } catch (RuntimeException e) {
            throw new PublishingFailure("releasing unsent claims failed (their leases will expire)", e);
        }
    }
}
