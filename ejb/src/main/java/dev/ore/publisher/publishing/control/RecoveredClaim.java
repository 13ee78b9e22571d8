package dev.ore.publisher.publishing.control;

/**
 * A distribution held by this node to be read back, not sent: its attempt's outcome is unknown.
 *
 * @param why what left the outcome unknown, written to the audit row as its reason
 */
public record RecoveredClaim(PublishTask task, Why why) {

    public enum Why {
        /** The node that sent it died before recording an outcome. */
        LEASE_EXPIRED("lease_expired"),
        /** An earlier read-back found nothing; the platform may list the post late. */
        RECHECK("recheck");

        private final String reason;

        Why(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
