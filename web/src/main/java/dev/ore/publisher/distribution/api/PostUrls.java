package dev.ore.publisher.distribution.api;

import dev.ore.publisher.platform.entity.Platform;

/** Where a published post can be seen, built from the id the platform gave it. */
final class PostUrls {

    private PostUrls() {
    }

    static String of(Platform platform, String externalPostId) {
        if (externalPostId == null) {
            return null;
        }
        return switch (platform) {
            case X -> "https://x.com/i/web/status/" + externalPostId;
            case LINKEDIN -> "https://www.linkedin.com/feed/update/" + externalPostId;
            case META -> "https://www.facebook.com/" + externalPostId;
        };
    }
}
