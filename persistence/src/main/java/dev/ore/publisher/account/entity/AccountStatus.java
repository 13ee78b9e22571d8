package dev.ore.publisher.account.entity;

/** Whether an account's tokens can be used to publish. */
public enum AccountStatus {
    /** Tokens are usable (possibly after a refresh). */
    ACTIVE,
    /** The platform refused the tokens and a refresh did not help: a person must reconnect. */
    REAUTH_REQUIRED,
    /** The team disconnected the account; its tokens are gone. */
    DISCONNECTED
}
