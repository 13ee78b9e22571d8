package dev.ore.publisher.api;

/** The roles a token's {@code groups} claim can grant. */
public final class Roles {

    /** Schedules content and connects accounts for its team. */
    public static final String PUBLISHER = "publisher";
    /** Operates the worker: timers, batch jobs, queues. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
