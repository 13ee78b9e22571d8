package dev.ore.publisher.account.control;

import dev.ore.publisher.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;

/**
 * Audit rows about accounts, in the caller's transaction, with the acting user (or
 * {@code system}). Metadata names platform, account and reason class: never a token.
 */
@ApplicationScoped
public class AccountAudit {

    public static final String ACCOUNT = "social_media_account";
    public static final String DISTRIBUTION = "content_distribution";

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    public void record(UUID teamId, String actor, String action, String entity, UUID entityId, Map<String, ?> metadata) {
        em.persist(new AuditEntry(teamId, actor, action, entity, entityId, metadata));
    }
}
