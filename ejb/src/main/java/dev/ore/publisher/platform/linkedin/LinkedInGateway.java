package dev.ore.publisher.platform.linkedin;

import dev.ore.publisher.platform.control.HttpAnswer;
import dev.ore.publisher.platform.control.JsonBodies;
import dev.ore.publisher.platform.control.PostRequest;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.platform.control.ReadBack;
import dev.ore.publisher.platform.control.ReadBackRequest;
import dev.ore.publisher.platform.control.ReadBacks;
import dev.ore.publisher.platform.control.SocialMediaPublisher;
import dev.ore.publisher.platform.entity.Platform;
import dev.ore.publisher.platform.linkedin.LinkedInClient.Article;
import dev.ore.publisher.platform.linkedin.LinkedInClient.Content;
import dev.ore.publisher.platform.linkedin.LinkedInClient.Distribution;
import dev.ore.publisher.platform.linkedin.LinkedInClient.LinkedInPost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Publishes to LinkedIn through the Posts API. The commentary is escaped for LinkedIn's "little"
 * text format: unescaped reserved characters make LinkedIn cut the post short without an error.
 */
@ApplicationScoped
public class LinkedInGateway implements SocialMediaPublisher {

    static final String PROTOCOL_VERSION = "2.0.0";

    @Inject
    LinkedInClient client;

    /** {@code LinkedIn-Version} (YYYYMM): versions retire after about a year, so it is configuration. */
    @Inject
    @ConfigProperty(name = "publisher.platform.linkedin.version")
    String apiVersion;

    @Override
    public Platform platform() {
        return Platform.LINKEDIN;
    }

    @Override
    @Asynchronous
    @Timeout(15_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000)
    @Bulkhead(value = 100, waitingTaskQueue = 1000)
    public CompletionStage<PublishOutcome> publish(PostRequest request) {
        try (Response response = client.createPost("Bearer " + request.accessToken(), apiVersion, PROTOCOL_VERSION,
                JsonBodies.of(post(request)))) {
            return CompletableFuture.completedFuture(LinkedInOutcomes.of(HttpAnswer.of(response), Instant.now()));
        }
    }

    /** Posts per finder page (LinkedIn's maximum). */
    static final int PAGE_SIZE = 100;

    /**
     * Organisation authors: the newest posts, page by page, back to the window's start. Member
     * authors cannot be read back: {@code r_member_social} is granted to approved partners only
     * (reconciliation.md §2.3), so the answer is "cannot tell" without asking.
     */
    @Override
    @Timeout(15_000)
    public ReadBack recentPosts(ReadBackRequest request) {
        if (!request.accountExternalId().startsWith("urn:li:organization:")) {
            return new ReadBack.Unreadable("linkedin_member_unreadable",
                    "LinkedIn does not let this app read a member's posts back");
        }
        try {
            return ReadBacks.paged(start -> {
                try (Response response = client.postsByAuthor("Bearer " + request.accessToken(), apiVersion,
                        PROTOCOL_VERSION, request.accountExternalId(), "author", PAGE_SIZE, "CREATED",
                        start.map(Integer::parseInt).orElse(0))) {
                    return HttpAnswer.of(response);
                }
            }, body -> LinkedInPosts.page(body, request.accountExternalId(), PAGE_SIZE), request.since(), true);
        } catch (RuntimeException failure) {
            return ReadBacks.failed(failure);
        }
    }

    static LinkedInPost post(PostRequest request) {
        Content content = request.linkUrl() == null ? null
                : new Content(new Article(request.linkUrl(), request.title()));
        return new LinkedInPost(request.accountExternalId(), LittleText.escape(request.text()), "PUBLIC",
                new Distribution("MAIN_FEED", List.of(), List.of()), content, "PUBLISHED", false);
    }
}
