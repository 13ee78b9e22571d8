package dev.ore.publisher.account.api;

import dev.ore.publisher.account.entity.SocialMediaAccount;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * A connected account as the team sees it: never a token.
 *
 * @param reconnectSoon the refresh token itself expires soon (LinkedIn: 365 days): reconnect before
 *                      {@code refreshExpiresAt}
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "platform", "accountName", "externalAccountId", "status", "expiresAt",
        "refreshExpiresAt", "reconnectSoon", "lastUsedAt"})
public record AccountJson(UUID id, String platform, String accountName, String externalAccountId, String status,
                          Instant expiresAt, Instant refreshExpiresAt, boolean reconnectSoon, Instant lastUsedAt) {

    public static AccountJson from(SocialMediaAccount account) {
        return new AccountJson(account.getId(), account.getPlatform().name(), account.getAccountName(),
                account.getExternalAccountId(), account.getStatus().name(), account.getExpiresAt(),
                account.getRefreshExpiresAt(), account.isReconnectSoon(), account.getLastUsedAt());
    }
}
