package dev.ore.publisher.admin.api;

import dev.ore.publisher.admin.control.AccountAttention;
import java.time.Instant;
import java.util.UUID;

/** An account that needs its team: {@code reason} is reconnect, token_expires or refresh_token_expires. */
public record AccountJson(UUID id, UUID teamId, String platform, String accountName, String status,
                          Instant expiresAt, Instant refreshExpiresAt, String reason) {

    static AccountJson from(AccountAttention account) {
        return new AccountJson(account.id(), account.teamId(), account.platform(), account.accountName(),
                account.status(), account.expiresAt(), account.refreshExpiresAt(), account.reason());
    }
}
