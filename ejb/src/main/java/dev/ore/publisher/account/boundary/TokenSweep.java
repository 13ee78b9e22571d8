package dev.ore.publisher.account.boundary;

import dev.ore.publisher.account.control.AccountAudit;
import dev.ore.publisher.account.control.TokenCipher;
import dev.ore.publisher.account.control.TokenFields;
import dev.ore.publisher.account.control.TokenKeyException;
import dev.ore.publisher.account.entity.SocialMediaAccount;
import dev.ore.publisher.audit.control.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token upkeep that does not wait for a publish: refreshes tokens that expire within the sweep
 * horizon while the account still has something to publish, flags accounts whose refresh token
 * itself runs out soon, moves tokens to the active key, and forgets expired connect states.
 */
@Stateless
public class TokenSweep {

    private static final String DUE_FOR_REFRESH = """
            SELECT a.id FROM social_media_account a
             WHERE a.status = 'ACTIVE' AND a.refresh_token IS NOT NULL
               AND a.expires_at < now() + make_interval(secs => ?1)
               AND EXISTS (SELECT 1 FROM content_distribution d
                            WHERE d.account_id = a.id AND d.status IN ('SCHEDULED', 'RETRY_SCHEDULED'))
             ORDER BY a.expires_at
             LIMIT 100
            """;

    private static final String FLAG_RECONNECT_SOON = """
            UPDATE social_media_account
               SET reconnect_soon = (refresh_expires_at IS NOT NULL AND refresh_expires_at < now() + make_interval(secs => ?1))
             WHERE status = 'ACTIVE'
               AND reconnect_soon <> (refresh_expires_at IS NOT NULL AND refresh_expires_at < now() + make_interval(secs => ?1))
            """;

    private static final String NOT_UNDER_ACTIVE_KEY = """
            SELECT id FROM social_media_account
             WHERE status <> 'DISCONNECTED'
               AND (access_token NOT LIKE ?1 OR (refresh_token IS NOT NULL AND refresh_token NOT LIKE ?1))
             LIMIT ?2
               FOR UPDATE SKIP LOCKED
            """;

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Resource
    SessionContext context;

    private static final Logger LOG = Logger.getLogger(TokenSweep.class.getName());

    @Inject
    TokenRefreshes refreshes;

    @Inject
    TokenCipher cipher;

    @Inject
    AccountAudit audit;

    @Inject
    @ConfigProperty(name = "publisher.token.sweep-horizon", defaultValue = "PT30M")
    Duration horizon;

    @Inject
    @ConfigProperty(name = "publisher.token.reconnect-warning", defaultValue = "P7D")
    Duration reconnectWarning;

    /** One pass; every step commits on its own, and no transaction is open during a refresh call. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        TokenSweep self = context.getBusinessObject(TokenSweep.class);
        for (UUID account : self.dueForRefresh()) {
            refreshes.refresh(account, null, horizon);
        }
        self.flagReconnectSoon();
        self.reencrypt(100);
        self.forgetExpiredAuthorizations();
    }

    @SuppressWarnings("unchecked")
    public List<UUID> dueForRefresh() {
        return em.createNativeQuery(DUE_FOR_REFRESH).setParameter(1, (double) horizon.toSeconds()).getResultList();
    }

    public int flagReconnectSoon() {
        return em.createNativeQuery(FLAG_RECONNECT_SOON).setParameter(1, (double) reconnectWarning.toSeconds())
                .executeUpdate();
    }

    /**
     * Seals up to {@code limit} accounts' tokens again under the active key, each with a
     * {@code tokens_reencrypted} audit row; returns how many it moved.
     */
    public int reencrypt(int limit) {
        String active = cipher.keyring().activeKey();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(NOT_UNDER_ACTIVE_KEY).setParameter(1, active + ":%")
                .setParameter(2, limit).getResultList();
        int moved = 0;
        for (UUID id : ids) {
            SocialMediaAccount account = em.find(SocialMediaAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
            var tokens = account.getTokens();
            if (cipher.keyring().isUnderActiveKey(tokens.accessToken())
                    && (tokens.refreshToken() == null || cipher.keyring().isUnderActiveKey(tokens.refreshToken()))) {
                continue;
            }
            try {
                account.reseal(cipher.keyring().reencrypt(id, TokenFields.ACCESS_TOKEN, tokens.accessToken()),
                        tokens.refreshToken() == null ? null
                                : cipher.keyring().reencrypt(id, TokenFields.REFRESH_TOKEN, tokens.refreshToken()));
            } catch (TokenKeyException unreadable) {
                // One account sealed under a key that is gone must not stop the others from moving;
                // the message names the account and key id, never a token.
                LOG.warning(() -> "Cannot re-encrypt account " + id + ": " + unreadable.getMessage());
                continue;
            }
            audit.record(account.getTeamId(), AuditTrail.SYSTEM, "tokens_reencrypted", AccountAudit.ACCOUNT, id,
                    Map.of("Platform", account.getPlatform().name(), "KeyId", active));
            moved++;
        }
        return moved;
    }

    public int forgetExpiredAuthorizations() {
        return em.createNativeQuery("DELETE FROM oauth_authorization WHERE expires_at < now()").executeUpdate();
    }
}
