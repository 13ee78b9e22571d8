package dev.ore.publisher.distribution.api;

import java.util.List;

/** Hashtags as clients send them (with or without '#') and as content stores them: "#a #b". */
final class Hashtags {

    private Hashtags() {
    }

    /** @return {@code null} when there are none */
    static String join(List<String> hashtags) {
        if (hashtags == null || hashtags.isEmpty()) {
            return null;
        }
        return String.join(" ", hashtags.stream().map(tag -> tag.startsWith("#") ? tag : "#" + tag).toList());
    }
}
