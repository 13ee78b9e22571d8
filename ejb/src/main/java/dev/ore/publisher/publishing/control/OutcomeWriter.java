package dev.ore.publisher.publishing.control;

import dev.ore.publisher.publishing.boundary.Outcomes;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Waits for the chunk's platform calls (they run concurrently) and records all their outcomes,
 * with their audit rows, in one transaction.
 */
@Named
@Dependent
public class OutcomeWriter extends AbstractItemWriter {

    @Inject
    Outcomes outcomes;

    @Inject
    NodeIdentity node;

    /** Upper bound on waiting for one call; the gateways' own timeouts normally end it sooner. */
    @Inject
    @ConfigProperty(name = "publisher.worker.outcome-wait")
    Duration patience;

    @Override
    public void writeItems(List<Object> items) {
        List<PublishAttempt> attempts = items.stream()
                .map(PendingPublish.class::cast)
                .map(pending -> pending.await(patience))
                .toList();
        try {
            outcomes.record(node.name(), attempts);
        } catch (RuntimeException e) {
            throw new PublishingFailure("recording " + attempts.size() + " outcomes failed", e);
        }
    }
}
