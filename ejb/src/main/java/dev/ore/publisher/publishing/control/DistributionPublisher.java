package dev.ore.publisher.publishing.control;

import dev.ore.publisher.account.control.AccessTokens;
import dev.ore.publisher.account.control.UsableToken;
import dev.ore.publisher.platform.control.CallFailures;
import dev.ore.publisher.platform.control.ContentRules;
import dev.ore.publisher.platform.control.PostRequest;
import dev.ore.publisher.platform.control.PostText;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.platform.control.SocialMediaPublisher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts publishing one claimed distribution and hands on the call in flight. Content that breaks
 * the platform's rules, and a distribution without a usable account, never reach the platform.
 * A token about to expire is refreshed first; a token the platform rejects is refreshed once and
 * the post sent once more. A refused refresh parks the distribution until the account is
 * reconnected (no attempt burnt); a refresh that cannot be done now retries later. At most
 * {@code inFlight} (the chunk size) of a partition's calls are in flight: a call starts as soon as
 * another ends, whichever chunk it came from ({@link OutcomeWriter} carries calls across chunks).
 */
@Named
@Dependent
public class DistributionPublisher implements ItemProcessor {

    @Inject
    Publishers publishers;

    @Inject
    AccessTokens accessTokens;

    @Inject
    HeldClaims held;

    @Inject
    UnsentClaims unsentClaims;

    @Inject
    JobContext job;

    /** The forced refresh after a 401 runs here, not on the platform client's thread. */
    @Resource
    ManagedExecutorService executor;

    /** How many of this partition's calls may be in flight at once: the chunk size. */
    @Inject
    @BatchProperty
    String inFlight;

    /** Upper bound on waiting for a call to end; the gateways' own timeouts normally end it sooner. */
    @Inject
    @ConfigProperty(name = "publisher.worker.outcome-wait")
    Duration patience;

    /** One per call in flight: taken before a call starts, given back when it ends. */
    private Semaphore callSlots;

    @PostConstruct
    void init() {
        callSlots = new Semaphore(Integer.parseInt(inFlight));
    }

    @Override
    public Object processItem(Object item) throws SQLException {
        PublishTask task = (PublishTask) item;
        if (job.getBatchStatus() == BatchStatus.STOPPING) {
            // Stopping (job stop, server suspend): send nothing more; the claim goes back as it was.
            return giveBack(task);
        }
        String text = PostText.compose(task.platform(), task.body(), task.hashtags(), task.linkUrl());
        Optional<PublishOutcome.Permanent> violation = ContentRules.check(task.platform(), text);
        if (violation.isPresent()) {
            return settled(task, violation.get());
        }
        if (!task.hasUsableAccount()) {
            return settled(task, new PublishOutcome.TokenRejected("account_unavailable",
                    "the team has no active " + task.platform() + " account"));
        }
        try {
            UsableToken token = accessTokens.forPublishing(task.accountId(), task.storedAccessToken(),
                    task.accessTokenExpiresAt());
            if (!(token instanceof UsableToken.Usable usable)) {
                return settled(task, refreshFailed(token));
            }
            SocialMediaPublisher publisher = publishers.forPlatform(task.platform());
            if (!takeCallSlot()) {
                return giveBack(task);
            }
            held.sending(task.distributionId());
            return new PendingPublish(task, startCall(publisher, task, text, usable));
        } catch (RuntimeException rejected) {
            return settled(task, CallFailures.toOutcome(rejected, Instant.now()));
        }
    }

    /**
     * Waits until fewer than {@link #inFlight} of this partition's calls are in flight, so that
     * calls start as others end instead of a chunk at a time. False when the job is stopping
     * meanwhile, or when no call ended within the patience (every call has a shorter timeout of
     * its own, so something is stuck): then nothing is sent.
     */
    private boolean takeCallSlot() {
        try {
            if (!callSlots.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (job.getBatchStatus() == BatchStatus.STOPPING) {
            callSlots.release();
            return false;
        }
        return true;
    }

    /** The call, with its one retry after a forced refresh; its slot is given back when it ends. */
    private CompletionStage<PublishOutcome> startCall(SocialMediaPublisher publisher, PublishTask task, String text,
                                                      UsableToken.Usable usable) {
        try {
            CompletionStage<PublishOutcome> call = publisher.publish(request(task, text, usable.accessToken()))
                    .thenCompose(outcome -> outcome instanceof PublishOutcome.TokenRejected
                            ? CompletableFuture.supplyAsync(() -> accessTokens.afterRejection(task.accountId(),
                                    usable.accessToken()), executor)
                                    .thenCompose(fresh -> retried(publisher, task, text, fresh, outcome))
                            : CompletableFuture.completedFuture(outcome));
            call.whenComplete((outcome, failure) -> callSlots.release());
            return call;
        } catch (RuntimeException notStarted) {
            callSlots.release();
            throw notStarted;
        }
    }

    /** Sends nothing: the claim goes back as it was, due at once. */
    private Object giveBack(PublishTask task) throws SQLException {
        unsentClaims.giveBack(List.of(task.distributionId()));
        held.letGo(List.of(task.distributionId()));
        return null;
    }

    /** The one retry after a forced refresh; a refused refresh keeps the platform's rejection. */
    private static CompletionStage<PublishOutcome> retried(SocialMediaPublisher publisher, PublishTask task,
                                                           String text, UsableToken fresh, PublishOutcome rejection) {
        if (fresh instanceof UsableToken.Usable usable) {
            return publisher.publish(request(task, text, usable.accessToken()));
        }
        return CompletableFuture.completedFuture(fresh instanceof UsableToken.Refused ? rejection : refreshFailed(fresh));
    }

    private static PublishOutcome refreshFailed(UsableToken token) {
        if (token instanceof UsableToken.Refused refused) {
            return new PublishOutcome.TokenRejected("token_refresh_refused",
                    "the platform refused to refresh the account's token (" + refused.code()
                            + "); reconnect the account");
        }
        return new PublishOutcome.Retryable("token_refresh_unavailable",
                "the account's token could not be refreshed now (" + ((UsableToken.Unavailable) token).code() + ")",
                null, false);
    }

    private static PostRequest request(PublishTask task, String text, String accessToken) {
        return new PostRequest(task.distributionId(), task.externalAccountId(), accessToken, text, task.linkUrl(),
                task.title());
    }

    private static PendingPublish settled(PublishTask task, PublishOutcome outcome) {
        return new PendingPublish(task, CompletableFuture.completedFuture(outcome));
    }
}
