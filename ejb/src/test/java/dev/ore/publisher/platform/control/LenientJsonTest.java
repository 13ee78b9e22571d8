package dev.ore.publisher.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LenientJsonTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"<html>Bad Gateway</html>", "[1,2]", "\"text\"", "{\"error\":"})
    void readsAnythingButAJsonObjectAsAbsent(String text) {
        assertThat(LenientJson.parseObject(text)).isEmpty();
    }

    @Test
    void readsMistypedMembersAsAbsent() {
        JsonObject json = LenientJson.parseObject("{\"code\":{\"x\":1},\"message\":42,\"error\":\"text\"}").orElseThrow();

        assertThat(LenientJson.number(json, "code")).isEmpty();
        assertThat(LenientJson.string(json, "message")).isEmpty();
        assertThat(LenientJson.object(json, "error")).isEmpty();
        assertThat(LenientJson.objects(json, "error")).isEmpty();
        assertThat(LenientJson.isTrue(json, "missing")).isFalse();
    }

    @Test
    void readsACodeSentAsString() {
        JsonObject json = LenientJson.parseObject("{\"code\":\"190\",\"subcode\":463}").orElseThrow();

        assertThat(LenientJson.number(json, "code")).contains(190L);
        assertThat(LenientJson.number(json, "subcode")).contains(463L);
    }
}
