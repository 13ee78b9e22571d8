package dev.ore.publisher.platform.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LittleTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '\t', quoteCharacter = '`', value = {
            "\\\t\\\\",
            "|\t\\|",
            "{\t\\{",
            "}\t\\}",
            "@\t\\@",
            "[\t\\[",
            "]\t\\]",
            "(\t\\(",
            ")\t\\)",
            "<\t\\<",
            ">\t\\>",
            "#\t\\#",
            "*\t\\*",
            "_\t\\_",
            "~\t\\~"})
    void escapesEachReservedCharacter(String reserved, String escaped) {
        assertThat(LittleText.escape(reserved)).isEqualTo(escaped);
    }

    @Test
    void escapesABackslashOnceAndNotTheEscapesItAdds() {
        assertThat(LittleText.escape("a\\#b")).isEqualTo("a\\\\\\#b");
    }

    @Test
    void escapesAWholePostAndLeavesOrdinaryTextAlone() {
        assertThat(LittleText.escape("New (beta) release #java by @ore_dev: 50% off!"))
                .isEqualTo("New \\(beta\\) release \\#java by \\@ore\\_dev: 50% off!");
    }

    @Test
    void keepsNull() {
        assertThat(LittleText.escape(null)).isNull();
    }
}
