package dev.ore.publisher.oauth.control;

import dev.ore.publisher.platform.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Finds the OAuth gateway of a platform. */
@ApplicationScoped
public class OAuthPlatforms {

    @Inject
    Instance<OAuthPlatform> platforms;

    public OAuthPlatform forPlatform(Platform platform) {
        return platforms.stream().filter(p -> p.platform() == platform).findFirst()
                .orElseThrow(() -> new OAuthFailure("no OAuth support for " + platform));
    }
}
