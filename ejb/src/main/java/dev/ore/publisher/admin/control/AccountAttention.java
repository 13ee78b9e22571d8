package dev.ore.publisher.admin.control;

import java.time.Instant;
import java.util.UUID;

/**
 * An account its team must look at: reconnect (REAUTH_REQUIRED) or soon (token expiring). Holds
 * no token.
 */
public record AccountAttention(UUID id, UUID teamId, String platform, String accountName, String status,
                               Instant expiresAt, Instant refreshExpiresAt, String reason) {
}
