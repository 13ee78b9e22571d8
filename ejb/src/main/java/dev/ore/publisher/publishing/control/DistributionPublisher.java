package dev.ore.publisher.publishing.control;

import dev.ore.publisher.account.control.AccessTokens;
import dev.ore.publisher.platform.control.CallFailures;
import dev.ore.publisher.platform.control.ContentRules;
import dev.ore.publisher.platform.control.PostRequest;
import dev.ore.publisher.platform.control.PostText;
import dev.ore.publisher.platform.control.PublishOutcome;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts publishing one claimed distribution and hands on the call in flight. Content that breaks
 * the platform's rules, and a distribution without a usable account, never reach the platform.
 */
@Named
@Dependent
public class DistributionPublisher implements ItemProcessor {

    @Inject
    Publishers publishers;

    @Inject
    AccessTokens accessTokens;

    @Override
    public Object processItem(Object item) {
        PublishTask task = (PublishTask) item;
        String text = PostText.compose(task.platform(), task.body(), task.hashtags(), task.linkUrl());
        Optional<PublishOutcome.Permanent> violation = ContentRules.check(task.platform(), text);
        if (violation.isPresent()) {
            return settled(task, violation.get());
        }
        if (!task.hasUsableAccount()) {
            return settled(task, new PublishOutcome.TokenRejected("account_unavailable",
                    "the team has no active " + task.platform() + " account"));
        }
        var request = new PostRequest(task.distributionId(), task.externalAccountId(),
                accessTokens.accessToken(task.accountId(), task.storedAccessToken()), text, task.linkUrl(),
                task.title());
        try {
            return new PendingPublish(task, publishers.forPlatform(task.platform()).publish(request));
        } catch (RuntimeException rejected) {
            return settled(task, CallFailures.toOutcome(rejected, Instant.now()));
        }
    }

    private static PendingPublish settled(PublishTask task, PublishOutcome outcome) {
        return new PendingPublish(task, CompletableFuture.completedFuture(outcome));
    }
}
