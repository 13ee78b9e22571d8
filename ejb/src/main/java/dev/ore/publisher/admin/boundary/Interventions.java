package dev.ore.publisher.admin.boundary;

import dev.ore.publisher.audit.control.AuditTrail;
import dev.ore.publisher.distribution.boundary.Distributions;
import dev.ore.publisher.distribution.entity.ContentDistribution;
import dev.ore.publisher.distribution.entity.DistributionStatus;
import dev.ore.publisher.problem.boundary.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An operator cancels or retries a distribution of any team, or resolves one whose outcome is
 * unknown (marks it published with the id found on the platform, or publishes it again). The team's own rules apply
 * unchanged (the team's boundary does the work, in this transaction); the audit row names the
 * operator as actor, prefixed {@value #ACTOR_PREFIX} so it reads apart from the team's own users.
 */
@Stateless
public class Interventions {

    static final String ACTOR_PREFIX = "admin:";
    private static final String ENTITY = "content_distribution";

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Inject
    Distributions distributions;

    @Inject
    AuditTrail audit;

    public ContentDistribution cancel(String admin, UUID id) {
        return distributions.cancel(teamOf(id), ACTOR_PREFIX + admin, id);
    }

    public ContentDistribution retry(String admin, UUID id) {
        return distributions.retry(teamOf(id), ACTOR_PREFIX + admin, id);
    }

    /**
     * Resolves an UNKNOWN_OUTCOME: the operator found the post on the platform. Final, with the
     * id they give; audited as {@code content_published} with the operator as actor.
     */
    public ContentDistribution markPublished(String admin, UUID id, String externalPostId) {
        ContentDistribution distribution = unknownOutcome(id);
        Instant now = Instant.now();
        distribution.confirmedPublished(externalPostId, now);
        audit.record(distribution.getTeamId(), ACTOR_PREFIX + admin, "content_published", ENTITY, id, Map.of(
                "Platform", distribution.getPlatform().name(), "ExternalPostId", externalPostId,
                "PublishedAt", now.toString(), "Reason", "confirmed_by_operator"));
        return distribution;
    }

    /**
     * Resolves an UNKNOWN_OUTCOME: the operator checked the post is not on the platform, so it
     * goes out again now (the unknown attempt is given back).
     */
    public ContentDistribution publishAgain(String admin, UUID id) {
        ContentDistribution distribution = unknownOutcome(id);
        String previousError = distribution.getLastErrorCode() == null ? "" : distribution.getLastErrorCode();
        distribution.publishAgain(Instant.now());
        audit.record(distribution.getTeamId(), ACTOR_PREFIX + admin, "distribution_publish_again_requested", ENTITY,
                id, Map.of("Platform", distribution.getPlatform().name(), "PreviousErrorCode", previousError));
        return distribution;
    }

    /** Locked, so the worker's claim (which skips locked rows) and the resolution never cross. */
    private ContentDistribution unknownOutcome(UUID id) {
        ContentDistribution distribution = em.find(ContentDistribution.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (distribution == null) {
            throw Refusal.notFound("Distribution", id);
        }
        if (distribution.getStatus() != DistributionStatus.UNKNOWN_OUTCOME) {
            throw Refusal.conflict("Distribution " + id + " is " + distribution.getStatus()
                    + "; only UNKNOWN_OUTCOME distributions can be resolved this way");
        }
        return distribution;
    }

    private UUID teamOf(UUID id) {
        ContentDistribution distribution = em.find(ContentDistribution.class, id);
        if (distribution == null) {
            throw Refusal.notFound("Distribution", id);
        }
        return distribution.getTeamId();
    }
}
