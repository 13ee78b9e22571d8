package dev.ore.publisher.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the append-only audit trail: who did what to which entity, with ids and codes in
 * {@code metadata}. Never a token or a secret. The database refuses updates and deletes.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    private UUID id;

    @Column(name = "team_id", updatable = false)
    private UUID teamId;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(nullable = false, updatable = false)
    private String entity;

    @Column(name = "entity_id", updatable = false)
    private UUID entityId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private Map<String, Object> metadata;

    @Column(name = "occurred_on_utc", nullable = false, updatable = false)
    private Instant occurredOnUtc;

    protected AuditEntry() {
    }

    public AuditEntry(UUID teamId, String actor, String action, String entity, UUID entityId,
                      Map<String, ?> metadata) {
        this.id = UUID.randomUUID();
        this.teamId = teamId;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.action = Objects.requireNonNull(action, "action");
        this.entity = Objects.requireNonNull(entity, "entity");
        this.entityId = entityId;
        this.metadata = Map.copyOf(metadata);
    }

    @PrePersist
    void onCreate() {
        occurredOnUtc = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntity() {
        return entity;
    }

    public UUID getEntityId() {
        return entityId;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public Instant getOccurredOnUtc() {
        return occurredOnUtc;
    }
}
