package dev.ore.publisher.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON-P path for flat maps writes exactly what JSON-B writes; anything else is JSON-B's. */
class JsonBodiesTest {

    private static final Jsonb JSON_B = JsonbBuilder.create();

    static Stream<Map<String, ?>> metadata() {
        return Stream.of(
                Map.of(),
                ordered("ExternalPostId", "1042_1234567890", "PublishedAt", "2026-11-26T14:00:00Z"),
                ordered("Platform", "X", "Title", "Quotes \" and \\ backslashes, a\ttab, a\nnewline, \u0001 and \u00e9\u2603\ud83d\ude80",
                        "Attempt", 3, "Ambiguous", true, "ReadBacks", 2L, "Reconciled", false),
                ordered("ErrorCode", "rate_limited", "Retries", Long.MAX_VALUE, "Min", Integer.MIN_VALUE),
                // Not flat: JSON-B writes these, the flat path must not take them.
                ordered("Matches", List.of("1", "2"), "Attempt", 1),
                ordered("NextCheckAt", Instant.parse("2026-11-26T14:00:00Z"), "Id", UUID.fromString("00000000-0000-0000-0000-000000000042")),
                ordered("Missing", null, "Title", "t"),
                ordered("Nested", Map.of("a", 1), "Ratio", 0.5));
    }

    @ParameterizedTest
    @MethodSource("metadata")
    void writesMetadataExactlyAsJsonBWould(Map<String, ?> metadata) {
        assertThat(JsonBodies.of(metadata)).isEqualTo(JSON_B.toJson(metadata));
    }

    public record Post(String text, String link) {
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void writesRequestBodiesWithJsonB(Object body) {
        assertThat(JsonBodies.of(body)).isEqualTo(JSON_B.toJson(body));
    }

    static Stream<Object> bodies() {
        return Stream.of(new Post("Hello \"world\"", null), new Post("t", "https://ore.example/p"));
    }

    private static Map<String, ?> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

}
