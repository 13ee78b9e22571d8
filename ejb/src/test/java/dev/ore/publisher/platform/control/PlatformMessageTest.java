package dev.ore.publisher.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformMessageTest {

    @Test
    void keepsAnOrdinaryMessageAsItIs() {
        assertThat(PlatformMessage.sanitise("(#506) Duplicate status message", "fallback"))
                .isEqualTo("(#506) Duplicate status message");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void usesTheFallbackWhenThePlatformSentNoText(String text) {
        assertThat(PlatformMessage.sanitise(text, "LinkedIn answered HTTP 500")).isEqualTo("LinkedIn answered HTTP 500");
    }

    @Test
    void shortensALongMessageToTheLimit() {
        String sanitised = PlatformMessage.sanitise("x".repeat(1_000), "fallback");

        assertThat(sanitised).hasSize(PlatformMessage.MAX_LENGTH).endsWith("…");
    }

    @Test
    void putsAMultiLineMessageOnOneLine() {
        assertThat(PlatformMessage.sanitise("first\r\n\tsecond", "fallback")).isEqualTo("first second");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Malformed access token EAABwzLixnjYBO1x2ZCZBkZC9ZAe8ZBZAkqNmUzZAQZDZD|Malformed access token [redacted]",
            "Authorization: Bearer AQXNnd2kXITHELm rejected|Authorization: [redacted] rejected",
            "GET /me?access_token=abc123&fields=id failed|GET /me?[redacted]&fields=id failed",
            "token AQV_4x-9kd83jdK2l0Pq8s7D6fG5hJ4kL3zXcV is revoked|token [redacted] is revoked"})
    void blanksAnythingThatLooksLikeACredential(String text, String sanitised) {
        assertThat(PlatformMessage.sanitise(text, "fallback")).isEqualTo(sanitised);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Object with ID '546349135390552_1116691191689674' does not exist",
            "Content is a duplicate of urn:li:share:7141138937766391808",
            "See https://developers.facebook.com/docs/graph-api/overview/rate-limiting/business-use-case"})
    void keepsPostIdsUrnsAndLinks(String text) {
        assertThat(PlatformMessage.sanitise(text, "fallback")).isEqualTo(text);
    }
}
