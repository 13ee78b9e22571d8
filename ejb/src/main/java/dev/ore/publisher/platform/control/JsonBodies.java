package dev.ore.publisher.platform.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;

/**
 * Serialises request bodies for the platform clients, and audit metadata, with one shared JSON-B
 * instance. Handing the REST client a ready JSON string matters for throughput: RESTEasy's JSON-B
 * provider builds a new JSON-B context for many calls, which showed as the worker's top hot spot
 * under load.
 *
 * <p>A flat map of strings, whole numbers and booleans (what the worker's audit rows carry) is
 * written straight through JSON-P, as JSON-B would write it: JSON-B looks up a serializer for each
 * value's runtime type on every call, which made the audit metadata a tenth of the worker's CPU in
 * the benchmark's profile (src/benchmark/notes.md).
 */
public final class JsonBodies {

    private static final Jsonb JSON = JsonbBuilder.create();

    private JsonBodies() {
    }

    public static String of(Object body) {
        if (body instanceof Map<?, ?> map && isFlat(map)) {
            return flat(map);
        }
        return JSON.toJson(body);
    }

    private static boolean isFlat(Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            if (!(entry.getKey() instanceof String) || !(value instanceof String || value instanceof Boolean
                    || value instanceof Integer || value instanceof Long)) {
                return false;
            }
        }
        return true;
    }

    private static String flat(Map<?, ?> map) {
        StringWriter out = new StringWriter(64 + 32 * map.size());
        try (JsonGenerator json = LenientJson.PROVIDER.createGenerator(out)) {
            json.writeStartObject();
            map.forEach((key, value) -> {
                String name = (String) key;
                if (value instanceof String text) {
                    json.write(name, text);
                } else if (value instanceof Boolean flag) {
                    json.write(name, flag);
                } else if (value instanceof Integer number) {
                    json.write(name, number);
                } else {
                    json.write(name, (Long) value);
                }
            });
            json.writeEnd();
        }
        return out.toString();
    }
}
