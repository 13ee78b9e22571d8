package dev.ore.publisher.publishing.control;

/** What reading a distribution's post back from its platform concluded. */
public sealed interface Verdict {

    /**
     * The post exists; {@code externalPostId} is the platform's id for it (the earliest, when the
     * platform shows {@code matches} > 1 copies: a duplicate reconciliation could not prevent).
     */
    record Found(String externalPostId, int matches) implements Verdict {

        public Found(String externalPostId) {
            this(externalPostId, 1);
        }

        public boolean duplicateSuspected() {
            return matches > 1;
        }
    }

    /** Every listing call answered 2xx and none held the post: sending it (again) is safe. */
    record NotFound() implements Verdict {
    }

    /** The platform cannot tell (listing refused, rate limited, failing, LinkedIn member). */
    record CannotTell(String code, String message) implements Verdict {
    }
}
