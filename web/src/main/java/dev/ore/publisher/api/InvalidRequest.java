package dev.ore.publisher.api;

import java.util.List;

/** A request body that breaks rules spanning several fields; answered 400 with one violation per field. */
public class InvalidRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem.Violation> violations;

    public InvalidRequest(List<Problem.Violation> violations) {
        super(violations.size() + " invalid field(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public InvalidRequest(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
