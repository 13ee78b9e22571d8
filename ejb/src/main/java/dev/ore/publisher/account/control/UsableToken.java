package dev.ore.publisher.account.control;

/** Whether an account has an access token to publish with right now. */
public sealed interface UsableToken {

    /** {@link #toString()} leaves the token out. */
    record Usable(String accessToken) implements UsableToken {
        @Override
        public String toString() {
            return "Usable[accessToken=hidden]";
        }
    }

    /** The platform refused to refresh (or there is nothing to refresh with): the account needs reconnecting. */
    record Refused(String code) implements UsableToken {
    }

    /** The refresh could not be done now (platform down, lock busy): try the publish again later. */
    record Unavailable(String code) implements UsableToken {
    }
}
