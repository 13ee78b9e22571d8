package dev.ore.publisher.publishing.control;

import dev.ore.publisher.platform.control.CallFailures;
import dev.ore.publisher.platform.control.PublishOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A publish call in flight: the processor starts it, the writer records it once answered. Lets
 * a partition have many platform calls running at once.
 */
public record PendingPublish(PublishTask task, CompletionStage<PublishOutcome> call) {

    /** Whether the platform has answered (or the call has failed): {@link #await} will not wait. */
    public boolean isAnswered() {
        return call.toCompletableFuture().isDone();
    }

    /** Waits for the outcome; a call that fails or outlasts {@code patience} becomes an outcome too. */
    public PublishAttempt await(Duration patience) {
        PublishOutcome outcome;
        try {
            outcome = call.toCompletableFuture().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = CallFailures.toOutcome(e, Instant.now());
        } catch (ExecutionException | TimeoutException e) {
            outcome = CallFailures.toOutcome(e, Instant.now());
        }
        return new PublishAttempt(task, outcome);
    }
}
