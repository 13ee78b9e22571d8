package dev.ore.publisher.platform.control;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Maps a platform call that did not produce an HTTP answer to an outcome. What matters is
 * whether the request may have reached the platform: a refused connection or a rejection by our
 * own circuit breaker or bulkhead sent nothing, while a timeout or a reset may have created the
 * post and is therefore ambiguous.
 */
public final class CallFailures {

    private CallFailures() {
    }

    public static PublishOutcome toOutcome(Throwable failure, Instant now) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CircuitBreakerOpenException) {
            return new PublishOutcome.Retryable("circuit_open", "the platform failed repeatedly; calls are paused",
                    null, false);
        }
        if (cause instanceof RejectedExecutionException) {
            // Our own executor refused to start the call (the server is suspending): nothing sent.
            return new PublishOutcome.Retryable("call_rejected", "the call was not started (the server is stopping)",
                    null, false);
        }
        if (cause instanceof BulkheadException) {
            return new PublishOutcome.Retryable("too_many_calls", "too many calls to the platform in flight", null, false);
        }
        if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            return new PublishOutcome.Retryable("timeout", "the platform did not answer in time", null, true);
        }
        if (cause instanceof ProcessingException && (hasCause(cause, ConnectException.class)
                || hasCause(cause, UnknownHostException.class))) {
            return new PublishOutcome.Retryable("connection_failed", "could not connect to the platform", null, false);
        }
        if (cause instanceof ProcessingException) {
            return new PublishOutcome.Retryable("connection_error",
                    "the connection to the platform failed (" + causes(cause) + ")", null, true);
        }
        return new PublishOutcome.Retryable("call_failed", "the call failed: " + cause.getClass().getSimpleName(),
                null, true);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * The failure's causes by class name, innermost last: what an operator needs to tell a reset
     * from a closed pooled connection. Never the messages, which may quote a URL and its query.
     */
    static String causes(Throwable failure) {
        StringBuilder names = new StringBuilder();
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            names.append(names.isEmpty() ? "" : " < ").append(t.getClass().getSimpleName());
        }
        return names.isEmpty() ? failure.getClass().getSimpleName() : names.toString();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
