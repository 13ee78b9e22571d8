package dev.ore.publisher.problem.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A request the business rules refuse: unknown (or another team's) entity, a conflict with the
 * current state, or input that the rules reject. The web module answers it as problem+json with
 * the status its {@link Kind} stands for. The message is shown to the caller, so it says what is
 * wrong in the caller's terms and carries no internals.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Does not exist for this caller (another team's ids look exactly like unknown ones). */
        NOT_FOUND,
        /** Not possible in the entity's current state, or conflicts with an earlier request. */
        CONFLICT,
        /** Well-formed but against the rules. */
        INVALID
    }

    private final Kind kind;

    public Refusal(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public static Refusal notFound(String what, Object id) {
        return new Refusal(Kind.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, message);
    }

    public static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, message);
    }

    public Kind kind() {
        return kind;
    }
}
