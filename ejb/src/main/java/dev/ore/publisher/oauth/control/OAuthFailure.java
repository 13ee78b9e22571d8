package dev.ore.publisher.oauth.control;

/**
 * A connect flow could not complete at the platform (exchange refused, identity not readable).
 * The message is safe to show: it names the platform and the step, never a token or code.
 */
public class OAuthFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OAuthFailure(String message) {
        super(message, null, false, false);
    }
}
