package dev.ore.publisher.publishing.control;

import dev.ore.publisher.platform.control.PublishOutcome;

/**
 * A claimed distribution and what publishing it came to.
 *
 * @param verdict what reading the post back concluded after an ambiguous outcome; {@code null}
 *                when nothing was read back
 */
public record PublishAttempt(PublishTask task, PublishOutcome outcome, Verdict verdict) {

    public PublishAttempt(PublishTask task, PublishOutcome outcome) {
        this(task, outcome, null);
    }

    public boolean isAmbiguous() {
        return outcome instanceof PublishOutcome.Retryable retryable && retryable.ambiguous();
    }

    public PublishAttempt reconciled(Verdict found) {
        return new PublishAttempt(task, outcome, found);
    }
}
