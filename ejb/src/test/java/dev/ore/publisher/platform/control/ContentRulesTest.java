package dev.ore.publisher.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.platform.control.PublishOutcome.Permanent;
import dev.ore.publisher.platform.entity.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRulesTest {

    static final String LONG_URL = "https://example.com/articles/2026/03/a-rather-long-slug-for-a-short-point";

    @Test
    void acceptsExactly280CharactersOnX() {
        assertThat(ContentRules.check(Platform.X, "a".repeat(280))).isEmpty();
    }

    @Test
    void refuses281CharactersOnXAndSaysWhy() {
        assertThat(ContentRules.check(Platform.X, "a".repeat(281)))
                .contains(new Permanent("content_too_long",
                        "X allows 280 weighted characters; this post has 281 (each link counts 23, each emoji and CJK"
                                + " character 2)"));
    }

    @Test
    void countsALinkAs23OnX() {
        assertThat(LONG_URL.length()).isGreaterThan(23);

        assertThat(ContentRules.check(Platform.X, "a".repeat(256) + " " + LONG_URL)).isEmpty();
        assertThat(ContentRules.check(Platform.X, "a".repeat(257) + " " + LONG_URL))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).contains("this post has 281"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"😀", "👍🏽", "👨‍👩‍👧", "日"})
    void countsAnEmojiOrCjkCharacterAsTwoOnX(String doubleWeight) {
        assertThat(ContentRules.check(Platform.X, "a".repeat(278) + doubleWeight)).isEmpty();
        assertThat(ContentRules.check(Platform.X, "a".repeat(279) + doubleWeight))
                .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("content_too_long"));
    }

    @Test
    void acceptsExactly3000CharactersOnLinkedIn() {
        assertThat(ContentRules.check(Platform.LINKEDIN, "a".repeat(3_000))).isEmpty();
    }

    @Test
    void refuses3001CharactersOnLinkedIn() {
        assertThat(ContentRules.check(Platform.LINKEDIN, "a".repeat(3_001)))
                .contains(new Permanent("content_too_long", "LinkedIn allows 3,000 characters; this post has 3,001"));
    }

    @Test
    void countsCodePointsNotUtf16UnitsOnLinkedIn() {
        assertThat(ContentRules.check(Platform.LINKEDIN, "😀".repeat(3_000))).isEmpty();
    }

    @Test
    void acceptsExactly63206CharactersOnMeta() {
        assertThat(ContentRules.check(Platform.META, "a".repeat(63_206))).isEmpty();
    }

    @Test
    void refuses63207CharactersOnMeta() {
        assertThat(ContentRules.check(Platform.META, "a".repeat(63_207)))
                .contains(new Permanent("content_too_long", "Facebook allows 63,206 characters; this post has 63,207"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Platform.class)
    void refusesBlankTextOnEveryPlatform(Platform platform) {
        assertThat(ContentRules.check(platform, " \n\t "))
                .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("content_empty"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesMissingText(String text) {
        assertThat(ContentRules.check(Platform.LINKEDIN, text))
                .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("content_empty"));
    }

    /** The ASCII shortcut must count exactly as twitter-text does, links and all. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Post number 17 of an Ore Publisher run, distribution 0b9f3c1e-6a4d-4d7e-9a1f-2c3b4d5e6f70",
        "Read this: " + LONG_URL + " and that: https://t.co/abc (short) or example.org/x?y=1&z=2.",
        "Two links back to back:https://a.co/1,http://b.io/2. And a bare domain: ore-publisher.dev!",
        "Mail me at someone@example.com, not at www.example.com/contact; #hashtag @mention $CASH",
        "line one\r\nline two\ttabbed... ellipsis... 1.2.3 version numbers, e.g. v2.0 and 3.14",
        "Punctuation only: !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ and digits 0123456789"
    })
    void countsAsciiTextExactlyAsTwitterText(String text) {
        for (String candidate : java.util.List.of(text, text.repeat(3), text + " " + text.replace(" ", ""))) {
            assertThat(ContentRules.xWeightedLength(candidate))
                    .as(candidate)
                    .isEqualTo(com.twitter.twittertext.TwitterTextParser.parseTweet(candidate).weightedLength);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"caf\u00e9 \u00e0 la carte", "emoji \uD83D\uDE80 and CJK \u6f22\u5b57", "keycap 1\uFE0F\u20E3 done"})
    void leavesOtherTextToTwitterText(String text) {
        assertThat(ContentRules.xWeightedLength(text))
                .isEqualTo(com.twitter.twittertext.TwitterTextParser.parseTweet(text).weightedLength);
    }
}
