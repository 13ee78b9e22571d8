package dev.ore.publisher.distribution.boundary;

import dev.ore.publisher.account.entity.AccountStatus;
import dev.ore.publisher.account.entity.SocialMediaAccount;
import dev.ore.publisher.audit.control.AuditTrail;
import dev.ore.publisher.audit.entity.AuditEntry;
import dev.ore.publisher.content.entity.Content;
import dev.ore.publisher.distribution.control.IdempotencyKeys;
import dev.ore.publisher.distribution.entity.ContentDistribution;
import dev.ore.publisher.distribution.entity.DistributionStatus;
import dev.ore.publisher.platform.entity.Platform;
import dev.ore.publisher.problem.boundary.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A team's distributions: scheduling, reading, cancelling, retrying. Every method is scoped to
 * the caller's team; another team's id is answered exactly like an unknown one.
 */
@Stateless
public class Distributions {

    static final String ENTITY = "content_distribution";

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    IdempotencyKeys idempotencyKeys;

    public Scheduled schedule(Schedule request) {
        Optional<List<UUID>> earlier = idempotencyKeys.claim(request.teamId(), request.idempotency());
        if (earlier.isPresent()) {
            return new Scheduled(earlier.get().stream().map(id -> find(request.teamId(), id)).toList(), true);
        }
        Content content = contentFor(request);
        Map<Platform, SocialMediaAccount> accounts = connectedAccounts(request.teamId(), request.platforms());
        List<ContentDistribution> created = new ArrayList<>();
        for (Platform platform : request.platforms()) {
            var distribution = new ContentDistribution(request.teamId(), content.getId(), platform,
                    accounts.get(platform).getId(), request.publishOnUtc(), request.timeZone(),
                    request.maxRetryCount(), request.retryInterval());
            em.persist(distribution);
            audit.record(request.teamId(), request.actor(), "distribution_scheduled", ENTITY, distribution.getId(),
                    Map.of("Platform", platform.name(), "Title", content.getTitle(),
                            "PublishOnUtc", request.publishOnUtc().toString()));
            created.add(distribution);
        }
        idempotencyKeys.remember(request.teamId(), request.idempotency(),
                created.stream().map(ContentDistribution::getId).toList());
        return new Scheduled(created, false);
    }

    public ContentDistribution find(UUID teamId, UUID id) {
        ContentDistribution distribution = em.find(ContentDistribution.class, id);
        if (distribution == null || !distribution.getTeamId().equals(teamId)) {
            throw Refusal.notFound("Distribution", id);
        }
        return distribution;
    }

    public Content content(UUID teamId, UUID contentId) {
        Content content = em.find(Content.class, contentId);
        if (content == null || !content.getTeamId().equals(teamId)) {
            throw Refusal.notFound("Content", contentId);
        }
        return content;
    }

    /** The distribution's audit trail, oldest first. */
    public List<AuditEntry> history(UUID teamId, UUID id) {
        find(teamId, id);
        return em.createQuery("SELECT a FROM AuditEntry a WHERE a.teamId = :team AND a.entityId = :id "
                        + "ORDER BY a.occurredOnUtc, a.id", AuditEntry.class)
                .setParameter("team", teamId)
                .setParameter("id", id)
                .getResultList();
    }

    /** Ordered by publish time, then id: a stable order for paging. */
    public DistributionPage list(UUID teamId, DistributionFilter filter, int page, int size) {
        String where = " WHERE d.teamId = :team"
                + (filter.status() != null ? " AND d.status = :status" : "")
                + (filter.platform() != null ? " AND d.platform = :platform" : "")
                + (filter.from() != null ? " AND d.publishOnUtc >= :from" : "")
                + (filter.to() != null ? " AND d.publishOnUtc < :to" : "");
        TypedQuery<ContentDistribution> items = em.createQuery(
                "SELECT d FROM ContentDistribution d" + where + " ORDER BY d.publishOnUtc, d.id",
                ContentDistribution.class);
        TypedQuery<Long> count = em.createQuery("SELECT count(d) FROM ContentDistribution d" + where, Long.class);
        for (TypedQuery<?> query : List.of(items, count)) {
            query.setParameter("team", teamId);
            Optional.ofNullable(filter.status()).ifPresent(status -> query.setParameter("status", status));
            Optional.ofNullable(filter.platform()).ifPresent(platform -> query.setParameter("platform", platform));
            Optional.ofNullable(filter.from()).ifPresent(from -> query.setParameter("from", from));
            Optional.ofNullable(filter.to()).ifPresent(to -> query.setParameter("to", to));
        }
        List<ContentDistribution> found = items.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new DistributionPage(found, page, size, count.getSingleResult());
    }

    public ContentDistribution cancel(UUID teamId, String actor, UUID id) {
        ContentDistribution distribution = locked(teamId, id);
        if (!DistributionStatus.CANCELLABLE.contains(distribution.getStatus())) {
            throw Refusal.conflict("Distribution " + id + " is " + distribution.getStatus()
                    + "; only SCHEDULED, RETRY_SCHEDULED and WAITING_FOR_ACCOUNT distributions can be cancelled");
        }
        DistributionStatus before = distribution.getStatus();
        distribution.cancel();
        audit.record(teamId, actor, "distribution_cancelled", ENTITY, id,
                Map.of("Platform", distribution.getPlatform().name(), "PreviousStatus", before.name()));
        return distribution;
    }

    public ContentDistribution retry(UUID teamId, String actor, UUID id) {
        ContentDistribution distribution = locked(teamId, id);
        if (distribution.getStatus() != DistributionStatus.FAILED) {
            throw Refusal.conflict("Distribution " + id + " is " + distribution.getStatus()
                    + "; only FAILED distributions can be retried");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Platform", distribution.getPlatform().name());
        metadata.put("PreviousAttempts", distribution.getAttemptCount());
        metadata.put("PreviousErrorCode", Optional.ofNullable(distribution.getLastErrorCode()).orElse(""));
        distribution.retryFromScratch(Instant.now());
        audit.record(teamId, actor, "distribution_retry_requested", ENTITY, id, metadata);
        return distribution;
    }

    /** Locked, so that the worker's claim (which skips locked rows) and this change never cross. */
    private ContentDistribution locked(UUID teamId, UUID id) {
        ContentDistribution distribution = find(teamId, id);
        em.lock(distribution, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(distribution);
        return distribution;
    }

    private Content contentFor(Schedule request) {
        if (request.contentId() != null) {
            return content(request.teamId(), request.contentId());
        }
        Schedule.NewContent c = request.newContent();
        var content = new Content(request.teamId(), c.title(), c.body(), c.caption(), c.hashtags(), c.linkUrl(),
                c.mediaUrl());
        em.persist(content);
        return content;
    }

    private Map<Platform, SocialMediaAccount> connectedAccounts(UUID teamId, List<Platform> platforms) {
        Map<Platform, SocialMediaAccount> accounts = new LinkedHashMap<>();
        em.createQuery("SELECT a FROM SocialMediaAccount a WHERE a.teamId = :team AND a.status <> :gone",
                        SocialMediaAccount.class)
                .setParameter("team", teamId)
                .setParameter("gone", AccountStatus.DISCONNECTED)
                .getResultStream()
                .forEach(account -> accounts.put(account.getPlatform(), account));
        List<String> missing = platforms.stream().filter(p -> !accounts.containsKey(p)).map(Platform::name).toList();
        if (!missing.isEmpty()) {
            throw Refusal.conflict("No connected account for " + String.join(", ", missing)
                    + ": connect one before scheduling");
        }
        return accounts;
    }
}
