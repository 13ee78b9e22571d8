package dev.ore.publisher.platform.control;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The matching rule of reconciliation.md §5: a listed post is the one we sent when its
 * normalised text equals the normalised text we sent and it was created within
 * [attempt − {@value #BEFORE_MINUTES} min, attempt + {@value #AFTER_MINUTES} min]. Normalising
 * (NFC, CRLF to LF, whitespace runs collapsed, trimmed, every URL removed) absorbs what platforms
 * do to text on the way back: X wraps links in t.co, Meta and LinkedIn show links as previews.
 * Several matches adopt the earliest: one of them is ours, and creating another would only add a
 * duplicate.
 */
public final class PostMatch {

    static final int BEFORE_MINUTES = 2;
    static final int AFTER_MINUTES = 15;

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private PostMatch() {
    }

    public static Optional<PostFound> find(String sentText, Instant attemptedAt, List<PostFound> posts) {
        String sent = normalise(sentText);
        Instant from = attemptedAt.minus(Duration.ofMinutes(BEFORE_MINUTES));
        Instant to = attemptedAt.plus(Duration.ofMinutes(AFTER_MINUTES));
        return posts.stream()
                .filter(post -> post.createdAt() == null
                        || (!post.createdAt().isBefore(from) && !post.createdAt().isAfter(to)))
                .filter(post -> normalise(post.text()).equals(sent))
                .min(Comparator.comparing(PostFound::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n");
        String withoutUrls = URL.matcher(nfc).replaceAll(" ");
        return WHITESPACE.matcher(withoutUrls).replaceAll(" ").strip();
    }
}
