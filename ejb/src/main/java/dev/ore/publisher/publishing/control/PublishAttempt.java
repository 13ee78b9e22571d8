package dev.ore.publisher.publishing.control;

import dev.ore.publisher.platform.control.PublishOutcome;

/** A claimed distribution and what publishing it came to. */
public record PublishAttempt(PublishTask task, PublishOutcome outcome) {
}
