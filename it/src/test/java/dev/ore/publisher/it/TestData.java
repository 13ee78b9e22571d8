package dev.ore.publisher.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes and reads the rows a test owns, over JDBC from outside the server. Every test works in a
 * team of its own, so tests never see each other's rows.
 */
public final class TestData {

    private final UUID team = UUID.randomUUID();

    public UUID team() {
        return team;
    }

    public UUID content(String title, String body, String hashtags, String linkUrl) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO content (id, team_id, title, body, hashtags, link_url) VALUES (?, ?, ?, ?, ?, ?)",
                id, team, title, body, hashtags, linkUrl);
        return id;
    }

    /** An ACTIVE account with a token that does not expire, sealed as the server stores it. */
    public UUID account(String platform, String externalAccountId, String accessToken) throws SQLException {
        return account(platform, externalAccountId, accessToken, null, null);
    }

    /** An ACTIVE account with sealed tokens; {@code refreshToken} and {@code expiresAt} may be {@code null}. */
    public UUID account(String platform, String externalAccountId, String accessToken, String refreshToken,
                        Instant expiresAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO social_media_account (id, team_id, platform, account_name, external_account_id, "
                + "access_token, refresh_token, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, team, platform,
                platform + " account", externalAccountId, TestTokenSeal.seal(id, TestTokenSeal.ACCESS_TOKEN, accessToken),
                refreshToken == null ? null : TestTokenSeal.seal(id, TestTokenSeal.REFRESH_TOKEN, refreshToken),
                expiresAt == null ? null : Timestamp.from(expiresAt));
        return id;
    }

    /** Sets the refresh token's own expiry (LinkedIn: 365 days after the first authorisation). */
    public void refreshExpiresAt(UUID account, Instant at) throws SQLException {
        update("UPDATE social_media_account SET refresh_expires_at = ? WHERE id = ?", Timestamp.from(at), account);
    }

    /** Replaces the stored access token with one sealed under {@code keyId}. */
    public void sealAccessTokenWith(String keyId, UUID account, String accessToken) throws SQLException {
        update("UPDATE social_media_account SET access_token = ? WHERE id = ?",
                TestTokenSeal.seal(keyId, account, TestTokenSeal.ACCESS_TOKEN, accessToken), account);
    }

    /** The account's row; tokens as stored (sealed). */
    public Map<String, Object> account(UUID id) throws SQLException {
        return rows("SELECT id, status, access_token, refresh_token, expires_at, refresh_expires_at, last_used_at, "
                + "account_name, external_account_id, platform FROM social_media_account WHERE id = ?", id).get(0);
    }

    /** Every audit row of this test's team, metadata as text. */
    public List<Map<String, Object>> teamAudit() throws SQLException {
        return rows("SELECT action, actor, entity, entity_id, metadata::text AS metadata FROM audit_log "
                + "WHERE team_id = ? ORDER BY occurred_on_utc, id", team);
    }

    public UUID distribution(UUID content, String platform, UUID account, Instant at, int maxRetryCount,
                             String status) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO content_distribution (id, team_id, content_id, platform, account_id, publish_on_utc, "
                + "status, max_retry_count, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, team, content, platform, account, Timestamp.from(at), status, maxRetryCount,
                "CANCELLED".equals(status) ? null : Timestamp.from(at));
        return id;
    }

    public void makeDue(UUID distribution) throws SQLException {
        update("UPDATE content_distribution SET next_attempt_at = now() WHERE id = ?", distribution);
    }

    /**
     * Leaves the distribution as a node that died mid-publish would: PUBLISHING, claimed by a
     * node that no longer exists, its attempt counted, claimed {@code claimedAgo} and the lease
     * ended a minute ago (on the database clock).
     */
    public void leftPublishingByADeadNode(UUID distribution, Duration claimedAgo) throws SQLException {
        update("UPDATE content_distribution SET status = 'PUBLISHING', claimed_by = 'dead-node', attempt_count = 1, "
                + "lease_until = now() - interval '1 minute', modified_on_utc = now() - make_interval(secs => ?) "
                + "WHERE id = ?", (double) claimedAgo.toSeconds(), distribution);
    }

    /**
     * How far the lease of a PUBLISHING distribution reaches past its claim ({@code lease_until −
     * attempted_at}); {@code null} when it is not PUBLISHING. Longer than the lease means renewed.
     */
    public Duration leaseBeyondClaim(UUID distribution) throws SQLException {
        Map<String, Object> row = distribution(distribution);
        if (!"PUBLISHING".equals(row.get("status")) || row.get("attempted_at") == null) {
            return null;
        }
        return Duration.between((Instant) row.get("attempted_at"), (Instant) row.get("lease_until"));
    }

    /**
     * Many distributions due now on one account, in one batch (single inserts would take longer
     * than publishing them): one content per body, titled "Batch i".
     *
     * @return the distributions' ids, in the order of {@code bodies}
     */
    public List<UUID> dueNow(UUID account, String platform, List<String> bodies) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
             PreparedStatement content = db.prepareStatement(
                     "INSERT INTO content (id, team_id, title, body) VALUES (?, ?, ?, ?)");
             PreparedStatement distribution = db.prepareStatement("INSERT INTO content_distribution (id, team_id, "
                     + "content_id, platform, account_id, publish_on_utc, status, max_retry_count, next_attempt_at) "
                     + "VALUES (?, ?, ?, ?, ?, now(), 'SCHEDULED', 3, now())")) {
            for (int i = 0; i < bodies.size(); i++) {
                UUID contentId = UUID.randomUUID();
                bind(content, contentId, team, "Batch " + i, bodies.get(i));
                content.addBatch();
                UUID id = UUID.randomUUID();
                bind(distribution, id, team, contentId, platform, account);
                distribution.addBatch();
                ids.add(id);
            }
            content.executeBatch();
            distribution.executeBatch();
        }
        return ids;
    }

    /** Every RETRY_SCHEDULED distribution of this team becomes due now. */
    public void makeRetriesDue() throws SQLException {
        update("UPDATE content_distribution SET next_attempt_at = now() WHERE team_id = ? AND status = 'RETRY_SCHEDULED'",
                team);
    }

    /** This team's distributions by status (and last error code, after a slash, where there is one). */
    public Map<String, Long> statusCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> row : rows("SELECT status || COALESCE('/' || last_error_code, '') AS state, "
                + "count(*) AS n FROM content_distribution WHERE team_id = ? GROUP BY 1", team)) {
            counts.put((String) row.get("state"), (Long) row.get("n"));
        }
        return counts;
    }

    /** How many of this team's distributions ({@code d}) meet {@code condition}. */
    public long countDistributions(String condition) throws SQLException {
        return (Long) rows("SELECT count(*) AS n FROM content_distribution d WHERE d.team_id = ? AND " + condition, team)
                .get(0).get("n");
    }

    public Map<String, Object> distribution(UUID id) throws SQLException {
        return rows("SELECT status, attempt_count, next_attempt_at, modified_on_utc, external_post_id, "
                + "published_at, last_error_code, last_error_message, claimed_by, attempted_at, lease_until, version "
                + "FROM content_distribution "
                + "WHERE id = ?", id).get(0);
    }

    public String status(UUID id) throws SQLException {
        return (String) distribution(id).get("status");
    }

    /** The distribution's audit rows, oldest first, with metadata parsed. */
    public List<AuditRow> audit(UUID distribution) throws SQLException {
        List<AuditRow> audit = new ArrayList<>();
        for (Map<String, Object> row : rows("SELECT action, actor, team_id, metadata::text AS metadata FROM audit_log "
                + "WHERE entity_id = ? ORDER BY occurred_on_utc, id", distribution)) {
            audit.add(new AuditRow((String) row.get("action"), (String) row.get("actor"), (UUID) row.get("team_id"),
                    Json.createReader(new StringReader((String) row.get("metadata"))).readObject()));
        }
        return audit;
    }

    public record AuditRow(String action, String actor, UUID teamId, JsonObject metadata) {
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private static List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        Object value = result.getObject(column);
                        row.put(result.getMetaData().getColumnLabel(column),
                                value instanceof Timestamp timestamp ? timestamp.toInstant() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
