package dev.ore.publisher.api;

import dev.ore.publisher.problem.boundary.Refusal;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.StreamSupport;

/**
 * Turns every failure into {@code application/problem+json}. Details shown to callers are written
 * here, never copied from framework messages (which name classes and internals).
 */
public final class ProblemMappers {

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request is malformed.",
            401, "A valid bearer token is required.",
            403, "The token does not grant this operation.",
            404, "Nothing exists at this address.",
            405, "This address does not support that method.",
            406, "Only application/json answers are available.",
            413, "The request body is too large.",
            415, "Send the body as application/json.");

    private ProblemMappers() {
    }

    static Response standard(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.response(status, known == null ? "HTTP " + status : known.getReasonPhrase(),
                DETAILS.getOrDefault(status, "The request could not be served."));
    }

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return Problem.response(e.status(), e.title(), e.getMessage());
        }
    }

    @Provider
    public static class InvalidRequestMapper implements ExceptionMapper<InvalidRequest> {
        @Override
        public Response toResponse(InvalidRequest e) {
            return Problem.response(new Problem("about:blank", "Bad Request", 400,
                    "The request has " + e.violations().size() + " invalid field(s).", e.violations()));
        }
    }

    @Provider
    public static class RefusalMapper implements ExceptionMapper<Refusal> {
        @Override
        public Response toResponse(Refusal refusal) {
            return switch (refusal.kind()) {
                case NOT_FOUND -> Problem.response(404, "Not Found", refusal.getMessage());
                case CONFLICT -> Problem.response(409, "Conflict", refusal.getMessage());
                case INVALID -> Problem.response(400, "Bad Request", refusal.getMessage());
            };
        }
    }

    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            return standard(e.getResponse().getStatus());
        }
    }

    /** A body that is not JSON, or JSON of the wrong shape (wrong types, unknown enum values). */
    static Response unreadableBody() {
        return Problem.response(400, "Bad Request",
                "The body is not valid JSON of the expected shape (check types, enum values and dates).");
    }

    @Provider
    public static class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return unreadableBody();
        }
    }

    @Provider
    public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return unreadableBody();
        }
    }

    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.Violation> violations = e.getConstraintViolations().stream()
                    .map(v -> new Problem.Violation(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.Violation::field))
                    .toList();
            return Problem.response(new Problem("about:blank", "Bad Request", 400,
                    "The request has " + violations.size() + " invalid field(s).", violations));
        }

        /** {@code schedule.request.title} → {@code title}: the method and parameter say nothing to a caller. */
        private static String field(ConstraintViolation<?> violation) {
            List<String> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                    .map(Path.Node::toString)
                    .toList();
            return nodes.size() > 2 ? String.join(".", nodes.subList(2, nodes.size()))
                    : nodes.isEmpty() ? "" : nodes.get(nodes.size() - 1);
        }
    }

    /** Whatever else went wrong: logged here, never described to the caller. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Exception> {

        private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

        @Override
        public Response toResponse(Exception e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Refusal refusal) {
                return new RefusalMapper().toResponse(refusal);
            }
            LOG.log(Level.SEVERE, "Unexpected failure serving a request", cause);
            return Problem.response(500, "Internal Server Error",
                    "Something went wrong on our side; the request was not completed.");
        }
    }
}
