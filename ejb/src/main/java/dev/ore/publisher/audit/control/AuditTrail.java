package dev.ore.publisher.audit.control;

import dev.ore.publisher.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;

/**
 * Appends audit rows in the caller's transaction, so a state change and its audit row commit or
 * roll back together. Metadata holds ids, platforms, attempts, codes and titles, never a token.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor for everything the worker does on its own. */
    public static final String SYSTEM = "system";

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    /** Something the worker did on its own. */
    public void record(UUID teamId, String action, String entity, UUID entityId, Map<String, ?> metadata) {
        record(teamId, SYSTEM, action, entity, entityId, metadata);
    }

    /** Something a person (or a client acting for one) asked for. */
    public void record(UUID teamId, String actor, String action, String entity, UUID entityId,
                       Map<String, ?> metadata) {
        em.persist(new AuditEntry(teamId, actor, action, entity, entityId, metadata));
    }
}
