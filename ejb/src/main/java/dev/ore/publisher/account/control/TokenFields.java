package dev.ore.publisher.account.control;

/** The names under which tokens are sealed: part of each ciphertext's associated data. */
public final class TokenFields {

    public static final String ACCESS_TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String PKCE_VERIFIER = "code_verifier";

    private TokenFields() {
    }
}
