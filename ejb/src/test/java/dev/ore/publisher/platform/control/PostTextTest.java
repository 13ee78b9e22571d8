package dev.ore.publisher.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.platform.entity.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostTextTest {

    static final String LINK = "https://example.com/a";

    @Test
    void putsTheHashtagsAfterABlankLineAndTheLinkLastOnX() {
        assertThat(PostText.compose(Platform.X, "New article is up", "#java #jakartaee", LINK))
                .isEqualTo("New article is up\n\n#java #jakartaee\nhttps://example.com/a");
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"META", "LINKEDIN"})
    void leavesTheLinkOutWherePlatformsTakeItSeparately(Platform platform) {
        assertThat(PostText.compose(platform, "New article is up", "#java", LINK))
                .isEqualTo("New article is up\n\n#java");
    }

    @Test
    void appendsTheLinkToTheBodyOnXWhenThereAreNoHashtags() {
        assertThat(PostText.compose(Platform.X, "New article is up", null, LINK))
                .isEqualTo("New article is up\nhttps://example.com/a");
    }

    @Test
    void trimsEveryPart() {
        assertThat(PostText.compose(Platform.X, "  New article is up \n", " #java ", " https://example.com/a "))
                .isEqualTo("New article is up\n\n#java\nhttps://example.com/a");
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void ignoresBlankHashtagsAndLinks(Platform platform) {
        assertThat(PostText.compose(platform, "Just text", "   ", "")).isEqualTo("Just text");
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void givesEmptyTextWhenEveryPartIsMissing(Platform platform) {
        assertThat(PostText.compose(platform, null, null, null)).isEmpty();
    }

    @Test
    void sendsTheLinkAloneOnXWhenThereIsNoText() {
        assertThat(PostText.compose(Platform.X, null, " ", LINK)).isEqualTo(LINK);
    }
}
