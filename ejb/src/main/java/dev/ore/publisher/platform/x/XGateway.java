package dev.ore.publisher.platform.x;

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
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** Publishes to X and says what came of it. Fault-tolerance values can be tuned through MicroProfile Config. */
@ApplicationScoped
public class XGateway implements SocialMediaPublisher {

    @Inject
    XClient client;

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    @Asynchronous
    @Timeout(15_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000)
    @Bulkhead(value = 100, waitingTaskQueue = 1000)
    public CompletionStage<PublishOutcome> publish(PostRequest request) {
        String post = JsonBodies.of(new XClient.XPost(request.text()));
        try (Response response = client.createPost("Bearer " + request.accessToken(), post)) {
            return CompletableFuture.completedFuture(XOutcomes.of(HttpAnswer.of(response), Instant.now()));
        }
    }

    /** The user's own posts since the window's start (no retweets or replies), 100 a page. */
    @Override
    @Timeout(15_000)
    public ReadBack recentPosts(ReadBackRequest request) {
        try {
            return ReadBacks.paged(next -> {
                try (Response response = client.userPosts("Bearer " + request.accessToken(), request.accountExternalId(),
                        request.since().truncatedTo(ChronoUnit.SECONDS).toString(), 100, "retweets,replies",
                        "created_at,entities,note_tweet", next.orElse(null))) {
                    return HttpAnswer.of(response);
                }
            }, XPosts::page, request.since(), true);
        } catch (RuntimeException failure) {
            return ReadBacks.failed(failure);
        }
    }
}
