package dev.ore.publisher.publishing.control;

import dev.ore.publisher.platform.control.SocialMediaPublisher;
import dev.ore.publisher.platform.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Finds the publisher for a platform among the deployed {@link SocialMediaPublisher}s. */
@ApplicationScoped
public class Publishers {

    @Inject
    @Any
    Instance<SocialMediaPublisher> all;

    public SocialMediaPublisher forPlatform(Platform platform) {
        return all.stream()
                .filter(publisher -> publisher.platform() == platform)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no publisher for " + platform));
    }
}
