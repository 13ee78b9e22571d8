package dev.ore.publisher.account.api;

import dev.ore.publisher.platform.entity.Platform;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Either starts an OAuth flow ({@code platform}, {@code redirectUri}) or imports tokens the
 * client already holds ({@code platform}, {@code accountName}, {@code accessToken}, optionally
 * {@code refreshToken}, {@code expiresAt}, {@code externalAccountId}: the X user id, LinkedIn
 * author URN or Facebook Page id, defaulting to the account name). {@link #toString()} hides tokens.
 */
public record ConnectRequest(@NotNull Platform platform,
                             @Size(max = 2048) String redirectUri,
                             @Size(max = 200) String accountName,
                             @Size(max = 200) String externalAccountId,
                             @Size(max = 8192) String accessToken,
                             @Size(max = 8192) String refreshToken,
                             Instant expiresAt,
                             Instant refreshExpiresAt) {

    public boolean importsTokens() {
        return accessToken != null && !accessToken.isBlank();
    }

    @Override
    public String toString() {
        return "ConnectRequest[platform=" + platform + ", accountName=" + accountName + "]";
    }
}
