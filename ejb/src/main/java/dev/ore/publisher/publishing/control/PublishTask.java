package dev.ore.publisher.publishing.control;

import dev.ore.publisher.account.entity.AccountStatus;
import dev.ore.publisher.platform.entity.Platform;
import java.time.Instant;
import java.util.UUID;

/**
 * A claimed distribution with everything needed to publish it, read in the claim's transaction so
 * that publishing touches no database. {@link #toString()} leaves out the stored token.
 *
 * @param attempt   the number of this attempt (1 for the first)
 * @param accountId {@code null} when the team has no connected account for the platform
 * @param accessTokenExpiresAt when the stored access token expires; {@code null} for never
 * @param attemptedAt when this attempt was claimed, on the database clock: a post it created
 *                    cannot be older, so read-backs match around it
 */
public record PublishTask(UUID distributionId, UUID teamId, Platform platform, int attempt, String title,
                          String body, String hashtags, String linkUrl, UUID accountId, AccountStatus accountStatus,
                          String externalAccountId, String storedAccessToken,
                          Instant accessTokenExpiresAt, Instant attemptedAt) {

    public boolean hasUsableAccount() {
        return accountId != null && accountStatus == AccountStatus.ACTIVE;
    }

    @Override
    public String toString() {
        return "PublishTask[distribution=" + distributionId + ", platform=" + platform + ", attempt=" + attempt + "]";
    }
}
