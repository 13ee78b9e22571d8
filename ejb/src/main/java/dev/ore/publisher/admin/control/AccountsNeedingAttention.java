package dev.ore.publisher.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Accounts whose owners must act: those the worker marked REAUTH_REQUIRED, and connected ones
 * whose token (or refresh token, which cannot be renewed without the owner) expires within the
 * window. Selects no token column.
 */
@ApplicationScoped
public class AccountsNeedingAttention {

    private static final String QUERY = """
            SELECT id, team_id, platform, account_name, status, expires_at, refresh_expires_at,
                   CASE WHEN status = 'REAUTH_REQUIRED' THEN 'reconnect'
                        WHEN refresh_expires_at <= now() + make_interval(secs => ?1) THEN 'refresh_token_expires'
                        ELSE 'token_expires' END
              FROM social_media_account
             WHERE status = 'REAUTH_REQUIRED'
                OR (status = 'ACTIVE' AND (expires_at <= now() + make_interval(secs => ?1)
                                        OR refresh_expires_at <= now() + make_interval(secs => ?1)))
             ORDER BY status DESC, LEAST(expires_at, refresh_expires_at) NULLS LAST, id
             LIMIT 500
            """;

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    public List<AccountAttention> within(Duration window) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(QUERY).setParameter(1, (double) window.toSeconds()).getResultList();
        return rows.stream()
                .map(row -> new AccountAttention((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                        (String) row[4], QueueReport.instant(row[5]), QueueReport.instant(row[6]), (String) row[7]))
                .toList();
    }
}
