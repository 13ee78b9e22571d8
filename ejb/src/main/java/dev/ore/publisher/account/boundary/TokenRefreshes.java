package dev.ore.publisher.account.boundary;

import dev.ore.publisher.account.control.AccountAudit;
import dev.ore.publisher.account.control.TokenSeal;
import dev.ore.publisher.account.control.UsableToken;
import dev.ore.publisher.account.entity.AccountStatus;
import dev.ore.publisher.account.entity.EncryptedTokens;
import dev.ore.publisher.account.entity.SocialMediaAccount;
import dev.ore.publisher.audit.control.AuditTrail;
import dev.ore.publisher.metrics.control.PublisherMetrics;
import dev.ore.publisher.oauth.control.OAuthPlatforms;
import dev.ore.publisher.oauth.control.TokenGrant;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refreshes one account's tokens, once, however many publishes (on however many nodes) ask at
 * the same time.
 *
 * <p>Why a transaction spans the token-endpoint call here, when nowhere else does: X rotates
 * refresh tokens, so two refreshes of one account must never race, and the new refresh token
 * must be saved by whoever consumed the old one. The account's row lock ({@code SELECT … FOR
 * UPDATE}) is the one cross-node mutex we have; it lives as long as its transaction. So the
 * transaction is kept as short as it can be: lock, re-check (someone else may have refreshed
 * while we waited), one call, save, commit. It is bean-managed so that it can carry its own
 * timeout ({@code publisher.token.refresh-timeout}, longer than the token client's read timeout)
 * and a PostgreSQL {@code lock_timeout}, so a waiter gives up instead of queueing behind a slow
 * platform. Only this account's row is locked; publishing of other accounts never waits.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class TokenRefreshes {

    private static final Logger LOG = Logger.getLogger(TokenRefreshes.class.getName());

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    TokenSeal seal;

    @Inject
    OAuthPlatforms oauth;

    @Inject
    AccountAudit audit;

    @Inject
    PublisherMetrics metrics;

    @Inject
    @ConfigProperty(name = "publisher.token.refresh-skew", defaultValue = "PT5M")
    Duration skew;

    @Inject
    @ConfigProperty(name = "publisher.token.refresh-timeout", defaultValue = "PT20S")
    Duration timeout;

    /**
     * @param rejectedAccessToken the token a platform just refused (forces a refresh unless the
     *                            stored token is already a newer one), or {@code null} to refresh
     *                            only when the stored token expires within the skew
     */
    public UsableToken refresh(UUID accountId, String rejectedAccessToken) {
        return refresh(accountId, rejectedAccessToken, skew);
    }

    /** As {@link #refresh(UUID, String)}, refreshing a token that expires within {@code within} (the sweep looks further ahead). */
    public UsableToken refresh(UUID accountId, String rejectedAccessToken, Duration within) {
        try {
            transaction.setTransactionTimeout((int) Math.max(1, timeout.toSeconds()));
            transaction.begin();
            try {
                UsableToken result = refreshLocked(accountId, rejectedAccessToken, within);
                transaction.commit();
                return result;
            } catch (RuntimeException e) {
                rollback();
                LOG.log(Level.WARNING, "Refreshing the token of account {0} failed: {1}",
                        new Object[] {accountId, e.getClass().getSimpleName()});
                return new UsableToken.Unavailable("refresh_failed");
            } finally {
                transaction.setTransactionTimeout(0);
            }
        } catch (Exception e) {
            rollback();
            LOG.log(Level.WARNING, "Refresh transaction for account {0} did not complete: {1}",
                    new Object[] {accountId, e.getClass().getSimpleName()});
            return new UsableToken.Unavailable("refresh_transaction_failed");
        }
    }

    private UsableToken refreshLocked(UUID accountId, String rejectedAccessToken, Duration within) {
        em.createNativeQuery("SET LOCAL lock_timeout = '" + timeout.toMillis() / 2 + "ms'").executeUpdate();
        SocialMediaAccount account = em.find(SocialMediaAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.getStatus() != AccountStatus.ACTIVE) {
            return new UsableToken.Refused("account_" + (account == null ? "missing" : account.getStatus()));
        }
        EncryptedTokens stored = account.getTokens();
        String current = seal.accessToken(accountId, stored);
        boolean stillFresh = rejectedAccessToken != null ? !current.equals(rejectedAccessToken)
                : account.getExpiresAt() == null || account.getExpiresAt().isAfter(Instant.now().plus(within));
        if (stillFresh) {
            return new UsableToken.Usable(current);
        }
        String refreshToken = seal.refreshToken(accountId, stored);
        TokenGrant grant = refreshToken == null ? new TokenGrant.Refused("no_refresh_token") : call(account, refreshToken);
        if (grant instanceof TokenGrant.Granted granted) {
            account.refreshed(seal.seal(accountId, granted));
            record(account, "token_refreshed", Map.of("ExpiresAt", String.valueOf(granted.expiresAt()),
                    "RefreshTokenRotated", granted.refreshToken() != null));
            metrics.tokenRefreshed("refreshed");
            return new UsableToken.Usable(granted.accessToken());
        }
        if (grant instanceof TokenGrant.Refused refused) {
            record(account, "token_refresh_failed", Map.of("ReasonClass", "refused", "ErrorCode", refused.code()));
            metrics.tokenRefreshed("refused");
            account.requireReauthorisation();
            record(account, "account_reauth_required", Map.of("ErrorCode", refused.code()));
            return new UsableToken.Refused(refused.code());
        }
        String code = ((TokenGrant.Unavailable) grant).code();
        record(account, "token_refresh_failed", Map.of("ReasonClass", "transient", "ErrorCode", code));
        metrics.tokenRefreshed("transient_failure");
        boolean notExpiredYet = rejectedAccessToken == null
                && (account.getExpiresAt() == null || account.getExpiresAt().isAfter(Instant.now()));
        return notExpiredYet ? new UsableToken.Usable(current) : new UsableToken.Unavailable(code);
    }

    private TokenGrant call(SocialMediaAccount account, String refreshToken) {
        try {
            return oauth.forPlatform(account.getPlatform()).refresh(refreshToken);
        } catch (RuntimeException e) {
            return new TokenGrant.Unavailable("call_failed_" + e.getClass().getSimpleName());
        }
    }

    private void record(SocialMediaAccount account, String action, Map<String, ?> details) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Platform", account.getPlatform().name());
        metadata.put("AccountName", account.getAccountName());
        metadata.putAll(details);
        audit.record(account.getTeamId(), AuditTrail.SYSTEM, action, AccountAudit.ACCOUNT, account.getId(), metadata);
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | RuntimeException e) {
            LOG.log(Level.WARNING, "Rolling back a token refresh failed: {0}", e.getClass().getSimpleName());
        }
    }
}
