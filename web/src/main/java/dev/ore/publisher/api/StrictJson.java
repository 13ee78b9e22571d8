package dev.ore.publisher.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a request body's JSON types before it is bound. JSON-B would quietly turn {@code 42} or
 * {@code true} into the string "42" or "true", and ignore fields it does not know; a client that
 * sends the wrong type or misspells a field should hear so, and nothing should be stored.
 * Each request record registers the shape it expects ({@link #shape}).
 */
public abstract class StrictJson implements ReaderInterceptor {

    /** What a field may hold; every field may also be null or absent (Bean Validation says which are required). */
    public enum Kind { STRING, INTEGER, STRING_ARRAY }

    /** The record this interceptor guards, and its fields' kinds. */
    protected abstract Class<?> type();

    protected abstract Map<String, Kind> shape();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!type().equals(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        check(new String(body, StandardCharsets.UTF_8));
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private void check(String body) {
        JsonValue parsed;
        try {
            parsed = Json.createReader(new StringReader(body)).readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(400, "Bad Request", "The body is not valid JSON.");
        }
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProblemException(400, "Bad Request", "The body must be a JSON object.");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        JsonObject object = parsed.asJsonObject();
        object.forEach((field, value) -> {
            Kind kind = shape().get(field);
            if (kind == null) {
                violations.add(new Problem.Violation(field, "is not a known field"));
            } else if (value.getValueType() != JsonValue.ValueType.NULL && !fits(kind, value)) {
                violations.add(new Problem.Violation(field, "must be " + describe(kind)));
            } else if (holdsNul(value)) {
                // PostgreSQL text cannot hold NUL; refuse it here rather than fail on insert.
                violations.add(new Problem.Violation(field, "must not contain NUL characters"));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }

    private static boolean holdsNul(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((jakarta.json.JsonString) value).getString().indexOf('\0') >= 0;
            case ARRAY -> value.asJsonArray().stream().anyMatch(StrictJson::holdsNul);
            default -> false;
        };
    }

    private static boolean fits(Kind kind, JsonValue value) {
        return switch (kind) {
            case STRING -> value.getValueType() == JsonValue.ValueType.STRING;
            case INTEGER -> value.getValueType() == JsonValue.ValueType.NUMBER
                    && ((jakarta.json.JsonNumber) value).isIntegral()
                    && ((jakarta.json.JsonNumber) value).bigIntegerValue().bitLength() < 32;
            case STRING_ARRAY -> value.getValueType() == JsonValue.ValueType.ARRAY
                    && value.asJsonArray().stream().allMatch(item -> item.getValueType() == JsonValue.ValueType.STRING);
        };
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case INTEGER -> "a whole number";
            case STRING_ARRAY -> "an array of strings";
        };
    }
}
