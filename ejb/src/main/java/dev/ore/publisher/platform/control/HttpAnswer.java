package dev.ore.publisher.platform.control;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A platform's HTTP answer, reduced to what classification needs. Header names match
 * case-insensitively, as HTTP defines them.
 */
public record HttpAnswer(int status, Map<String, List<String>> headers, String body) {

    public HttpAnswer {
        headers = headers == null ? Map.of() : headers;
        body = body == null ? "" : body;
    }

    /** Reads a REST client's response fully; the caller still closes it. */
    public static HttpAnswer of(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new HttpAnswer(response.getStatus(), response.getStringHeaders(), body);
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
