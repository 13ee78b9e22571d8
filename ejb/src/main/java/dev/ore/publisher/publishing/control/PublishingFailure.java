package dev.ore.publisher.publishing.control;

/**
 * The only exception the batch artifacts let escape. It carries a message and no cause: JBeret
 * stores a step's exception in its job repository, and classes it cannot load (Hibernate's,
 * RESTEasy's) would make that record unreadable.
 */
public class PublishingFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishingFailure(String message, Throwable cause) {
        super(message + ": " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
                null, false, false);
    }
}
