package dev.ore.publisher.account.boundary;

import dev.ore.publisher.account.control.AccountAudit;
import dev.ore.publisher.account.control.TokenSeal;
import dev.ore.publisher.account.entity.AccountStatus;
import dev.ore.publisher.account.entity.EncryptedTokens;
import dev.ore.publisher.account.entity.SocialMediaAccount;
import dev.ore.publisher.oauth.control.Connection;
import dev.ore.publisher.oauth.control.OAuthPlatforms;
import dev.ore.publisher.platform.entity.Platform;
import dev.ore.publisher.problem.boundary.Refusal;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A team's connected accounts: connect (from an OAuth callback or tokens the client already
 * holds), list, disconnect. One connected account per team and platform: connecting again
 * replaces the tokens of the one there is, and distributions waiting for it resume.
 */
@Stateless
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    private static final String RESUME_WAITING = """
            UPDATE content_distribution
               SET status = 'SCHEDULED', next_attempt_at = now(), last_error_code = NULL, last_error_message = NULL,
                   account_id = ?1, modified_on_utc = now(), version = version + 1
             WHERE status = 'WAITING_FOR_ACCOUNT'
               AND (account_id = ?1 OR (account_id IS NULL AND team_id = ?2 AND platform = ?3))
            RETURNING id
            """;

    private static final String CANCEL_PENDING = """
            UPDATE content_distribution
               SET status = 'CANCELLED', next_attempt_at = NULL, last_error_code = 'account_disconnected',
                   last_error_message = 'The account was disconnected', modified_on_utc = now(), version = version + 1
             WHERE account_id = ?1 AND status IN ('SCHEDULED', 'RETRY_SCHEDULED', 'WAITING_FOR_ACCOUNT')
            RETURNING id
            """;

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    TokenSeal seal;

    @Inject
    AccountAudit audit;

    @Inject
    OAuthPlatforms oauth;

    /** Stores a connection, replacing the tokens of the team's account on that platform if there is one. */
    public SocialMediaAccount connect(UUID team, String actor, Platform platform, Connection connection, String method) {
        SocialMediaAccount account = em.createQuery("SELECT a FROM SocialMediaAccount a WHERE a.teamId = :team "
                        + "AND a.platform = :platform AND a.status <> :disconnected", SocialMediaAccount.class)
                .setParameter("team", team).setParameter("platform", platform)
                .setParameter("disconnected", AccountStatus.DISCONNECTED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        String scopes = connection.tokens().scope();
        if (account == null) {
            UUID id = UUID.randomUUID();
            account = new SocialMediaAccount(id, team, platform, connection.accountName(),
                    connection.externalAccountId(), seal.seal(id, connection.tokens()), scopes);
            em.persist(account);
        } else {
            account.reconnect(connection.accountName(), connection.externalAccountId(),
                    seal.seal(account.getId(), connection.tokens()), scopes);
        }
        record(account, actor, "account_connected", Map.of("Method", method));
        resumeWaiting(account, actor);
        return account;
    }

    public List<SocialMediaAccount> list(UUID team) {
        return em.createQuery("SELECT a FROM SocialMediaAccount a WHERE a.teamId = :team AND a.status <> :disconnected "
                        + "ORDER BY a.platform", SocialMediaAccount.class)
                .setParameter("team", team).setParameter("disconnected", AccountStatus.DISCONNECTED)
                .getResultList();
    }

    /**
     * Revokes the tokens at the platform (best effort, outside any transaction), then wipes them,
     * marks the account DISCONNECTED and cancels what was still to be published with it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void disconnect(UUID team, UUID accountId, String actor) {
        SocialMediaAccount account = owned(team, accountId, LockModeType.NONE);
        boolean revoked = revoke(account);
        context.getBusinessObject(Accounts.class).forget(team, accountId, actor, revoked);
    }

    /** The transactional half of {@link #disconnect}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forget(UUID team, UUID accountId, String actor, boolean revoked) {
        SocialMediaAccount account = owned(team, accountId, LockModeType.PESSIMISTIC_WRITE);
        account.disconnect();
        record(account, actor, "account_disconnected", Map.of("RevokedAtPlatform", revoked));
        @SuppressWarnings("unchecked")
        List<UUID> cancelled = em.createNativeQuery(CANCEL_PENDING).setParameter(1, accountId).getResultList();
        for (UUID distribution : cancelled) {
            audit.record(team, actor, "distribution_cancelled", AccountAudit.DISTRIBUTION, distribution,
                    Map.of("Platform", account.getPlatform().name(), "Reason", "account_disconnected"));
        }
    }

    private SocialMediaAccount owned(UUID team, UUID accountId, LockModeType lock) {
        SocialMediaAccount account = em.find(SocialMediaAccount.class, accountId, lock);
        if (account == null || !account.getTeamId().equals(team) || account.getStatus() == AccountStatus.DISCONNECTED) {
            throw Refusal.notFound("Account", accountId);
        }
        return account;
    }

    private boolean revoke(SocialMediaAccount account) {
        try {
            EncryptedTokens tokens = account.getTokens();
            return oauth.forPlatform(account.getPlatform())
                    .revoke(seal.accessToken(account.getId(), tokens), seal.refreshToken(account.getId(), tokens));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Revoking the tokens of account {0} at {1} failed ({2}); disconnecting anyway",
                    new Object[] {account.getId(), account.getPlatform(), e.getClass().getSimpleName()});
            return false;
        }
    }

    private void resumeWaiting(SocialMediaAccount account, String actor) {
        @SuppressWarnings("unchecked")
        List<UUID> resumed = em.createNativeQuery(RESUME_WAITING).setParameter(1, account.getId())
                .setParameter(2, account.getTeamId()).setParameter(3, account.getPlatform().name()).getResultList();
        for (UUID distribution : resumed) {
            audit.record(account.getTeamId(), actor, "distribution_resumed", AccountAudit.DISTRIBUTION, distribution,
                    Map.of("Platform", account.getPlatform().name(), "AccountId", account.getId().toString()));
        }
    }

    private void record(SocialMediaAccount account, String actor, String action, Map<String, ?> details) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Platform", account.getPlatform().name());
        metadata.put("AccountName", account.getAccountName());
        metadata.put("ExternalAccountId", account.getExternalAccountId());
        metadata.putAll(details);
        audit.record(account.getTeamId(), actor, action, AccountAudit.ACCOUNT, account.getId(), metadata);
    }
}
