package dev.ore.publisher.distribution.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A client's {@code Idempotency-Key} for one scheduling request: the hash of the request it came
 * with and the distributions that request created. Rows are inserted with SQL
 * ({@code ON CONFLICT DO NOTHING}) so that two concurrent requests with one key serialise on it.
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @EmbeddedId
    private Id id;

    @Column(name = "request_hash", nullable = false, updatable = false)
    private String requestHash;

    @Column(name = "distribution_ids", nullable = false)
    private String distributionIds;

    @Column(name = "created_on_utc", nullable = false, updatable = false)
    private Instant createdOnUtc;

    protected IdempotencyKey() {
    }

    public String getRequestHash() {
        return requestHash;
    }

    public List<UUID> distributionIds() {
        return distributionIds.isEmpty() ? List.of()
                : Arrays.stream(distributionIds.split(",")).map(UUID::fromString).toList();
    }

    public void remember(List<UUID> ids) {
        this.distributionIds = String.join(",", ids.stream().map(UUID::toString).toList());
    }

    public Instant getCreatedOnUtc() {
        return createdOnUtc;
    }

    /** Keys are scoped to a team. */
    @Embeddable
    public static class Id implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "team_id", nullable = false, updatable = false)
        private UUID teamId;

        @Column(name = "idempotency_key", nullable = false, updatable = false)
        private String key;

        protected Id() {
        }

        public Id(UUID teamId, String key) {
            this.teamId = teamId;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id id && Objects.equals(teamId, id.teamId) && Objects.equals(key, id.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(teamId, key);
        }
    }
}
