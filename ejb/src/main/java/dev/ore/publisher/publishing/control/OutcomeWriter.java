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
 * Records the outcomes of a partition's platform calls, with their audit rows, in one transaction
 * per chunk: every call answered by the end of the chunk, whichever chunk started it. Calls still
 * in flight are carried into the next chunk, so a chunk never waits for its slowest call while the
 * partition could be starting others ({@link DistributionPublisher} starts a call as soon as
 * another ends). When the step ends (drained, stopped or failed) the writer waits for the calls
 * it still carries and records them.
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

    /** Calls of earlier chunks that were still in flight when their chunk was written. */
    private final List<PendingPublish> carried = new ArrayList<>();

    @Override
    public void writeItems(List<Object> items) {
        List<PendingPublish> pending = new ArrayList<>(carried);
        items.stream().map(PendingPublish.class::cast).forEach(pending::add);
        carried.clear();
        List<PendingPublish> answered = new ArrayList<>();
        pending.forEach(call -> (call.isAnswered() ? answered : carried).add(call));
        record(answered);
    }

    /** The step ends: the calls still carried are waited for and recorded. */
    @Override
    public void close() {
        List<PendingPublish> last = List.copyOf(carried);
        carried.clear();
        record(last);
    }

    private void record(List<PendingPublish> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<PublishAttempt> answered = pending.stream().map(call -> call.await(patience)).toList();
        List<PublishAttempt> attempts = reconcileAmbiguous(answered);
        try {
            outcomes.record(node.name(), attempts);
        } catch (RuntimeException e) {
            throw new PublishingFailure("recording " + attempts.size() + " outcomes failed", e);
        } finally {
            // Recorded, or not (their leases then run out and recovery reads them back): no longer held.
            held.letGo(attempts.stream().map(attempt -> attempt.task().distributionId()).toList());
        }
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
