package dev.ore.publisher.platform.control;

import java.util.List;

/** What reading an account's recent posts back from a platform came to. */
public sealed interface ReadBack {

    /** The platform listed the account's posts in the window (every read answered 2xx). */
    record Posts(List<PostFound> posts) implements ReadBack {
        public Posts {
            posts = List.copyOf(posts);
        }
    }

    /**
     * The platform cannot tell: the listing is refused (a LinkedIn member account, a missing read
     * permission), rate limited, or failing. Never read as "absent".
     */
    record Unreadable(String code, String message) implements ReadBack {
    }
}
