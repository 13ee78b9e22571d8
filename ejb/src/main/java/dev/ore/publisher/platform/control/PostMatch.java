package dev.ore.publisher.platform.control;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The matching rule of reconciliation.md §5: a listed post is the one we sent when its
 * normalised text equals the normalised text we sent and it was created within
 * [attempt − {@value #BEFORE_MINUTES} min, attempt + {@value #AFTER_MINUTES} min]. Normalising
 * (NFC, CRLF to LF, whitespace runs collapsed, trimmed, every URL removed) absorbs what platforms
 * do to text on the way back: X wraps links in t.co, Meta and LinkedIn show links as previews.
 * Several matches adopt the earliest: one of them is ours, and creating another would only add a
 * duplicate.
 *
 * <p>Without a match, a near one still stops an automatic resend ({@link #findNear}): a post cut
 * short (LinkedIn truncates at an unescaped reserved character), or one differing in at most
 * {@value #NEAR_PERCENT} % of its characters and created within a minute of the attempt, is
 * probably ours, and only a person can tell.
 */
public final class PostMatch {

    static final int BEFORE_MINUTES = 2;
    static final int AFTER_MINUTES = 15;
    static final int NEAR_PERCENT = 3;
    /** A shorter text is no evidence of truncation ("Hi" is a prefix of many posts). */
    static final int SHORTEST_TRUNCATION = 16;

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private PostMatch() {
    }

    public static Optional<PostFound> find(String sentText, Instant attemptedAt, List<PostFound> posts) {
        return matches(sentText, attemptedAt, posts).stream().findFirst();
    }

    /** Every match, earliest first: more than one means the post probably went out twice. */
    public static List<PostFound> matches(String sentText, Instant attemptedAt, List<PostFound> posts) {
        String sent = normalise(sentText);
        Instant from = attemptedAt.minus(Duration.ofMinutes(BEFORE_MINUTES));
        Instant to = attemptedAt.plus(Duration.ofMinutes(AFTER_MINUTES));
        return posts.stream()
                .filter(post -> post.createdAt() == null
                        || (!post.createdAt().isBefore(from) && !post.createdAt().isAfter(to)))
                .filter(post -> normalise(post.text()).equals(sent))
                .sorted(Comparator.comparing(PostFound::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** A post that is probably ours though its text differs (see the class comment); empty when none. */
    public static Optional<PostFound> findNear(String sentText, Instant attemptedAt, List<PostFound> posts) {
        String sent = normalise(sentText);
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(1, sent.length() * NEAR_PERCENT / 100));
        Instant from = attemptedAt.minus(Duration.ofMinutes(BEFORE_MINUTES));
        Instant to = attemptedAt.plus(Duration.ofMinutes(AFTER_MINUTES));
        return posts.stream()
                .filter(post -> post.createdAt() == null
                        || (!post.createdAt().isBefore(from) && !post.createdAt().isAfter(to)))
                .filter(post -> {
                    String read = normalise(post.text());
                    boolean cutShort = read.length() >= SHORTEST_TRUNCATION && sent.startsWith(read);
                    boolean sameMinute = post.createdAt() != null
                            && Duration.between(attemptedAt, post.createdAt()).abs().compareTo(Duration.ofMinutes(1)) <= 0;
                    return cutShort || (sameMinute && distance.apply(sent, read) >= 0);
                })
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
