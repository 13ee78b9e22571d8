package dev.ore.publisher.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer.
 *
 * @param violations per-field problems of a rejected request body, or {@code null}
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "violations"})
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {
    }

    public static Response response(int status, String title, String detail) {
        return response(new Problem("about:blank", title, status, detail, null));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(problem)
                .build();
    }
}
