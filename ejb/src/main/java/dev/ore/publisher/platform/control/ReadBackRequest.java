package dev.ore.publisher.platform.control;

import java.time.Instant;

/**
 * Which account's posts to list, and from when. Holds a clear-text access token for the length
 * of one call, so {@link #toString()} leaves it out.
 */
public record ReadBackRequest(String accountExternalId, String accessToken, Instant since) {

    @Override
    public String toString() {
        return "ReadBackRequest[account=" + accountExternalId + ", since=" + since + "]";
    }
}
