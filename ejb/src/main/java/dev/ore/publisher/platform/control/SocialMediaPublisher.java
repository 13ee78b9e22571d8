package dev.ore.publisher.platform.control;

import dev.ore.publisher.platform.entity.Platform;
import java.util.concurrent.CompletionStage;

/**
 * One platform's way of publishing a post. Implementations call the platform's HTTP API and map
 * every answer, and every failure, to a {@link PublishOutcome}; the returned stage never completes
 * exceptionally with anything but fault-tolerance rejections and timeouts, which the caller maps.
 */
public interface SocialMediaPublisher {

    Platform platform();

    CompletionStage<PublishOutcome> publish(PostRequest request);

    /**
     * Lists the account's posts created since {@code request.since()}, for reconciliation. Never
     * throws for a platform answer: refusals, rate limits and failures are {@link ReadBack.Unreadable}.
     */
    ReadBack recentPosts(ReadBackRequest request);
}
