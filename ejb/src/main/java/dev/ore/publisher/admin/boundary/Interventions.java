package dev.ore.publisher.admin.boundary;

import dev.ore.publisher.distribution.boundary.Distributions;
import dev.ore.publisher.distribution.entity.ContentDistribution;
import dev.ore.publisher.problem.boundary.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * An operator cancels or retries a distribution of any team. The team's own rules apply
 * unchanged (the team's boundary does the work, in this transaction); the audit row names the
 * operator as actor, prefixed {@value #ACTOR_PREFIX} so it reads apart from the team's own users.
 */
@Stateless
public class Interventions {

    static final String ACTOR_PREFIX = "admin:";

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Inject
    Distributions distributions;

    public ContentDistribution cancel(String admin, UUID id) {
        return distributions.cancel(teamOf(id), ACTOR_PREFIX + admin, id);
    }

    public ContentDistribution retry(String admin, UUID id) {
        return distributions.retry(teamOf(id), ACTOR_PREFIX + admin, id);
    }

    private UUID teamOf(UUID id) {
        ContentDistribution distribution = em.find(ContentDistribution.class, id);
        if (distribution == null) {
            throw Refusal.notFound("Distribution", id);
        }
        return distribution.getTeamId();
    }
}
