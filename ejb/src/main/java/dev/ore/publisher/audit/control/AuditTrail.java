package dev.ore.publisher.audit.control;

import dev.ore.publisher.audit.entity.AuditEntry;
import dev.ore.publisher.database.control.ColumnArrays;
import dev.ore.publisher.platform.control.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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

    /* One row per element of the arrays, all bound as text[]; occurred_on_utc on the database clock. */
    private static final String INSERT_ALL = """
            INSERT INTO audit_log (id, team_id, actor, action, entity, entity_id, metadata, occurred_on_utc)
            SELECT CAST(id AS uuid), CAST(team_id AS uuid), actor, action, entity, CAST(entity_id AS uuid),
                   CAST(metadata AS jsonb), clock_timestamp()
              FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                   AS entry(id, team_id, actor, action, entity, entity_id, metadata)
            """;

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

    /**
     * Many rows in one statement, whatever their number: the worker's settlement of a chunk. Each
     * {@link #record} is an entity insert that Hibernate binds and batches row by row at flush: with
     * the chunk's updates, a quarter of the worker's CPU in the benchmark (src/benchmark/notes.md).
     */
    public void recordAll(List<AuditEntry> entries) {
        ColumnArrays.execute(em, INSERT_ALL, entries, List.of(AuditEntry::getId, AuditEntry::getTeamId,
                AuditEntry::getActor, AuditEntry::getAction, AuditEntry::getEntity, AuditEntry::getEntityId,
                entry -> JsonBodies.of(entry.getMetadata())));
    }
}
