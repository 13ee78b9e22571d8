package dev.ore.publisher.platform.control;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import dev.ore.publisher.platform.control.PublishOutcome.Permanent;
import dev.ore.publisher.platform.entity.Platform;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a post text that the platform would refuse, before any call is made. Checks the text as
 * sent ({@link PostText#compose}), before LinkedIn's little-text escaping. The LinkedIn and Meta
 * limits are third-party figures (platforms.md §5), so they are named here, not scattered.
 */
public final class ContentRules {

    /** X's {@code maxWeightedTweetLength}; links count 23, emoji and CJK characters 2. */
    public static final int X_MAX_WEIGHTED_LENGTH = 280;
    /** What twitter-text counts for every link, whatever its length (its transformedURLLength). */
    static final int X_LINK_WEIGHT = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG.getTransformedURLLength();
    public static final int LINKEDIN_MAX_CHARACTERS = 3_000;
    public static final int META_MAX_CHARACTERS = 63_206;

    /** Stateless once built, as twitter-text's own parser uses it. */
    private static final Extractor URLS = new Extractor();

    private ContentRules() {
    }

    public static Optional<Permanent> check(Platform platform, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new Permanent("content_empty", "The post has no text"));
        }
        return switch (platform) {
            case X -> checkX(text);
            case LINKEDIN -> checkCharacters("LinkedIn", LINKEDIN_MAX_CHARACTERS, text);
            case META -> checkCharacters("Facebook", META_MAX_CHARACTERS, text);
        };
    }

    private static Optional<Permanent> checkX(String text) {
        int weightedLength = xWeightedLength(text);
        if (weightedLength <= X_MAX_WEIGHTED_LENGTH) {
            return Optional.empty();
        }
        return tooLong("X allows %,d weighted characters; this post has %,d (each link counts 23, each emoji and"
                + " CJK character 2)", X_MAX_WEIGHTED_LENGTH, weightedLength);
    }

    /**
     * X's weighted length, as twitter-text counts it. For a text of ASCII characters only, which
     * weigh 1 each and cannot form an emoji, this is its length with each link counted 23: the same
     * figure without twitter-text's emoji pattern, which costs more than everything else the worker
     * does for an X post together (JFR: half the worker's CPU in a run of X, LinkedIn and Meta posts).
     */
    static int xWeightedLength(String text) {
        if (!isAscii(text)) {
            return TwitterTextParser.parseTweet(text).weightedLength;
        }
        int length = text.length();
        for (Extractor.Entity url : URLS.extractURLsWithIndices(text)) {
            length += X_LINK_WEIGHT - (url.getEnd() - url.getStart());
        }
        return length;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Permanent> checkCharacters(String platformName, int limit, String text) {
        int characters = text.codePointCount(0, text.length());
        if (characters <= limit) {
            return Optional.empty();
        }
        return tooLong(platformName + " allows %,d characters; this post has %,d", limit, characters);
    }

    private static Optional<Permanent> tooLong(String template, int limit, int actual) {
        return Optional.of(new Permanent("content_too_long", String.format(Locale.ROOT, template, limit, actual)));
    }
}
