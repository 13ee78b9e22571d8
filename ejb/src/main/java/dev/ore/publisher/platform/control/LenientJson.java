package dev.ore.publisher.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * Reads platform JSON without trusting its shape: platforms change bodies without notice and
 * proxies answer with HTML, so a missing, mistyped or unparsable member reads as absent instead
 * of throwing in the middle of classifying an answer.
 */
public final class LenientJson {

    /**
     * The JSON-P provider this package reads and writes with ({@link JsonBodies} too), looked up
     * once: {@code Json.createReader} looks the provider up through the {@code ServiceLoader} on
     * every call, which scans the deployment's jars (6 % of the worker's CPU under load).
     */
    static final JsonProvider PROVIDER = JsonProvider.provider();

    private LenientJson() {
    }

    public static Optional<JsonObject> parseObject(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    public static Optional<JsonObject> object(JsonObject parent, String name) {
        return member(parent, name, JsonObject.class);
    }

    public static List<JsonObject> objects(JsonObject parent, String name) {
        return member(parent, name, JsonArray.class).stream()
                .flatMap(JsonArray::stream)
                .filter(JsonObject.class::isInstance)
                .map(JsonObject.class::cast)
                .toList();
    }

    public static Optional<String> string(JsonObject parent, String name) {
        return member(parent, name, JsonString.class).map(JsonString::getString);
    }

    /** Whole numbers only; platforms send codes as JSON numbers, and a few send them as strings. */
    public static Optional<Long> number(JsonObject parent, String name) {
        Optional<Long> asNumber = member(parent, name, JsonNumber.class)
                .filter(JsonNumber::isIntegral)
                .map(JsonNumber::longValue);
        return asNumber.or(() -> string(parent, name).flatMap(LenientJson::parseLong));
    }

    public static boolean isTrue(JsonObject parent, String name) {
        return parent != null && parent.get(name) == JsonValue.TRUE;
    }

    private static <T extends JsonValue> Optional<T> member(JsonObject parent, String name, Class<T> type) {
        if (parent == null) {
            return Optional.empty();
        }
        JsonValue value = parent.get(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
