package dev.ore.publisher.platform.control;

import dev.ore.publisher.platform.entity.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the text a platform receives from a content's parts: the body, then the hashtags after a
 * blank line. X has no link field, so on X the link goes into the text on its own line; Meta and
 * LinkedIn send it separately (as {@code link} and as an article) and showing it twice would look
 * careless. Platform-specific escaping is left to the client.
 */
public final class PostText {

    private PostText() {
    }

    public static String compose(Platform platform, String body, String hashtags, String linkUrl) {
        List<String> blocks = new ArrayList<>();
        addIfPresent(blocks, body);
        addIfPresent(blocks, hashtags);
        String text = String.join("\n\n", blocks);
        String link = trimmed(linkUrl);
        if (platform != Platform.X || link.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? link : text + "\n" + link;
    }

    private static void addIfPresent(List<String> blocks, String part) {
        String value = trimmed(part);
        if (!value.isEmpty()) {
            blocks.add(value);
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
