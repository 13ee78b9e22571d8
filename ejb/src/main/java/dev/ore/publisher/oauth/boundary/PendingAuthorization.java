package dev.ore.publisher.oauth.boundary;

import dev.ore.publisher.platform.entity.Platform;
import java.util.UUID;

/** A started authorization, taken (and so used up) by its callback. {@link #toString()} hides the verifier. */
public record PendingAuthorization(UUID teamId, String actor, Platform platform, String redirectUri,
                                   String codeVerifier) {

    @Override
    public String toString() {
        return "PendingAuthorization[team=" + teamId + ", platform=" + platform + "]";
    }
}
