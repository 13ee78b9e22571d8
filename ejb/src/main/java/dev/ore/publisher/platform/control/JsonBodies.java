package dev.ore.publisher.platform.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Serialises request bodies for the platform clients with one shared JSON-B instance. Handing the
 * REST client a ready JSON string matters for throughput: RESTEasy's JSON-B provider builds a new
 * JSON-B context for many calls, which showed as the worker's top hot spot under load.
 */
public final class JsonBodies {

    private static final Jsonb JSON = JsonbBuilder.create();

    private JsonBodies() {
    }

    public static String of(Object body) {
        return JSON.toJson(body);
    }
}
