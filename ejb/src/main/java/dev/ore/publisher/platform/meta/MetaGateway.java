package dev.ore.publisher.platform.meta;

import dev.ore.publisher.platform.control.HttpAnswer;
import dev.ore.publisher.platform.control.JsonBodies;
import dev.ore.publisher.platform.control.PostRequest;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.platform.control.ReadBack;
import dev.ore.publisher.platform.control.ReadBackRequest;
import dev.ore.publisher.platform.control.ReadBacks;
import dev.ore.publisher.platform.control.SocialMediaPublisher;
import dev.ore.publisher.platform.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** Publishes to a Facebook Page's feed with the Page access token. */
@ApplicationScoped
public class MetaGateway implements SocialMediaPublisher {

    @Inject
    MetaClient client;

    /** Graph API version path segment, e.g. {@code v21.0}. */
    @Inject
    @ConfigProperty(name = "publisher.platform.meta.graph-version")
    String graphVersion;

    @Override
    public Platform platform() {
        return Platform.META;
    }

    @Override
    @Asynchronous
    @Timeout(15_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000)
    @Bulkhead(value = 100, waitingTaskQueue = 1000)
    public CompletionStage<PublishOutcome> publish(PostRequest request) {
        var post = new MetaClient.FeedPost(request.text(), request.linkUrl(), true);
        try (Response response = client.createFeedPost(graphVersion, request.accountExternalId(),
                "Bearer " + request.accessToken(), JsonBodies.of(post))) {
            return CompletableFuture.completedFuture(MetaOutcomes.of(HttpAnswer.of(response), Instant.now()));
        }
    }

    /** Published posts since the window's start, every page (the listing is ranked); filtered on created_time by the matcher. */
    @Override
    @Timeout(15_000)
    public ReadBack recentPosts(ReadBackRequest request) {
        try {
            return ReadBacks.paged(after -> {
                try (Response response = client.publishedPosts(graphVersion, request.accountExternalId(),
                        "Bearer " + request.accessToken(), "id,message,created_time", request.since().getEpochSecond(),
                        100, after.orElse(null))) {
                    return HttpAnswer.of(response);
                }
            }, MetaPosts::page, request.since(), false);
        } catch (RuntimeException failure) {
            return ReadBacks.failed(failure);
        }
    }
}
