package dev.ore.publisher.publishing.control;

import dev.ore.publisher.publishing.boundary.Outcomes;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    @Inject
    Reconciliation reconciliation;

    @Inject
    HeldClaims held;

    @Resource
    ManagedExecutorService executor;

    /** Upper bound on waiting for one call; the gateways' own timeouts normally end it sooner. */
    @Inject
    @ConfigProperty(name = "publisher.worker.outcome-wait")
    Duration patience;

    @Override
    public void writeItems(List<Object> items) {
        List<PublishAttempt> answered = items.stream()
                .map(PendingPublish.class::cast)
                .map(pending -> pending.await(patience))
                .toList();
        List<PublishAttempt> attempts = reconcileAmbiguous(answered);
        try {
            outcomes.record(node.name(), attempts);
        } catch (RuntimeException e) {
            throw new PublishingFailure("recording " + attempts.size() + " outcomes failed", e);
        }
        held.letGo(attempts.stream().map(attempt -> attempt.task().distributionId()).toList());
    }

    /**
     * An ambiguous answer (timeout after sending, 5xx on the create call) may hide a created post:
     * read each one back, concurrently, before anything is recorded, so that nothing is sent again
     * while the platform may hold the post. The matching window is anchored at the claim (on the
     * database clock), before which no call was sent.
     */
    private List<PublishAttempt> reconcileAmbiguous(List<PublishAttempt> answered) {
        List<CompletableFuture<PublishAttempt>> checked = answered.stream()
                .map(attempt -> attempt.isAmbiguous()
                        ? readBack(attempt)
                        : CompletableFuture.completedFuture(attempt))
                .toList();
        List<PublishAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            attempts.add(awaitReadBack(checked.get(i), answered.get(i)));
        }
        return attempts;
    }

    private CompletableFuture<PublishAttempt> readBack(PublishAttempt attempt) {
        try {
            return CompletableFuture.supplyAsync(() -> readBackNow(attempt), executor);
        } catch (RejectedExecutionException suspending) {
            return CompletableFuture.completedFuture(readBackNow(attempt));
        }
    }

    private PublishAttempt readBackNow(PublishAttempt attempt) {
        return attempt.reconciled(reconciliation.check(attempt.task(), attempt.task().attemptedAt()));
    }

    private PublishAttempt awaitReadBack(CompletableFuture<PublishAttempt> check, PublishAttempt answered) {
        try {
            return check.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RejectedExecutionException) {
                // The executor would not run it (the server is suspending): read back on this thread.
                return readBackNow(answered);
            }
        } catch (TimeoutException e) {
            // Falls through: unknown, like any read-back that did not finish.
        }
        return answered.reconciled(new Verdict.CannotTell("read_failed", "reading the account's posts did not finish"));
    }
}
