package dev.ore.publisher.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Gives back claims this node took but never sent (a stopping step's unread page, a stopping
 * node's held claims): back to their claimable state, due now, the attempt returned. Only rows
 * this node still holds. One statement straight through JDBC, so it also works while the
 * application's components are being stopped.
 */
@ApplicationScoped
public class UnsentClaims {

    private static final String GIVE_BACK = """
            UPDATE content_distribution
               SET status = CASE WHEN attempt_count > 1 THEN 'RETRY_SCHEDULED' ELSE 'SCHEDULED' END,
                   attempt_count = attempt_count - 1, claimed_by = NULL, lease_until = NULL,
                   next_attempt_at = now(), modified_on_utc = now(), version = version + 1
             WHERE id = ANY(CAST(? AS uuid[])) AND status = 'PUBLISHING' AND claimed_by = ?
            """;

    @Inject
    NodeIdentity node;

    @Inject
    DataSource dataSource;

    /** @return how many claims were given back */
    public int giveBack(Collection<UUID> distributionIds) throws SQLException {
        if (distributionIds.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement giveBack = connection.prepareStatement(GIVE_BACK)) {
            giveBack.setString(1, distributionIds.stream().map(UUID::toString)
                    .collect(Collectors.joining(",", "{", "}")));
            giveBack.setString(2, node.name());
            return giveBack.executeUpdate();
        }
    }
}
