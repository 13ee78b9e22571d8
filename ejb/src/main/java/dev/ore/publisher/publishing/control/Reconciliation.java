package dev.ore.publisher.publishing.control;

import dev.ore.publisher.account.control.AccessTokens;
import dev.ore.publisher.account.control.UsableToken;
import dev.ore.publisher.platform.control.PostFound;
import dev.ore.publisher.platform.control.PostMatch;
import dev.ore.publisher.platform.control.PostText;
import dev.ore.publisher.platform.control.ReadBack;
import dev.ore.publisher.platform.control.ReadBackRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Asks a distribution's platform whether the post it may have created exists: lists the
 * account's posts from {@value #QUERY_LEAD_MINUTES} minutes before the attempt and applies
 * {@link PostMatch}. Touches no database (the token is decrypted from what the claim read), so
 * callers run it with no transaction open and settle the verdict afterwards. Anything that is not
 * a clean listing is "cannot tell", never "not found", and so is a near match (reconciliation.md
 * §5's NEEDS_REVIEW): an operator decides in the admin console.
 */
@ApplicationScoped
public class Reconciliation {

    static final int QUERY_LEAD_MINUTES = 5;
    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    @Inject
    Publishers publishers;

    @Inject
    AccessTokens accessTokens;

    public Verdict check(PublishTask task, Instant attemptedAt) {
        if (!task.hasUsableAccount()) {
            return new Verdict.CannotTell("account_unavailable", "the team has no active " + task.platform() + " account");
        }
        try {
            UsableToken token = accessTokens.forPublishing(task.accountId(), task.storedAccessToken(),
                    task.accessTokenExpiresAt());
            if (!(token instanceof UsableToken.Usable usable)) {
                return new Verdict.CannotTell("token_unavailable", "no usable token to read the account's posts");
            }
            ReadBack readBack = publishers.forPlatform(task.platform()).recentPosts(new ReadBackRequest(
                    task.externalAccountId(), usable.accessToken(),
                    attemptedAt.minus(Duration.ofMinutes(QUERY_LEAD_MINUTES))));
            return verdict(task, attemptedAt, readBack);
        } catch (RuntimeException failure) {
            LOG.warning(() -> "Reading back " + task + " failed: " + failure.getClass().getSimpleName());
            return new Verdict.CannotTell("read_failed", "reading the account's posts failed");
        }
    }

    private static Verdict verdict(PublishTask task, Instant attemptedAt, ReadBack readBack) {
        if (readBack instanceof ReadBack.Unreadable unreadable) {
            return new Verdict.CannotTell(unreadable.code(), unreadable.message());
        }
        String sent = PostText.compose(task.platform(), task.body(), task.hashtags(), task.linkUrl());
        List<PostFound> posts = ((ReadBack.Posts) readBack).posts();
        List<PostFound> matches = PostMatch.matches(sent, attemptedAt, posts);
        if (!matches.isEmpty()) {
            if (matches.size() > 1) {
                LOG.warning(() -> "Reading back " + task + " found " + matches.size()
                        + " copies of the post; adopting the earliest (duplicate suspected)");
            }
            return new Verdict.Found(matches.get(0).id(), matches.size());
        }
        return PostMatch.findNear(sent, attemptedAt, posts)
                .<Verdict>map(near -> new Verdict.CannotTell("near_match", "the account shows post " + near.id()
                        + " with nearly the same text; check it, then mark the distribution published or publish it again"))
                .orElseGet(Verdict.NotFound::new);
    }
}
