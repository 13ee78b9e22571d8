package dev.ore.publisher.oauth.boundary;

import dev.ore.publisher.account.boundary.Accounts;
import dev.ore.publisher.account.control.TokenCipher;
import dev.ore.publisher.account.control.TokenFields;
import dev.ore.publisher.account.entity.SocialMediaAccount;
import dev.ore.publisher.oauth.control.Connection;
import dev.ore.publisher.oauth.control.OAuthFailure;
import dev.ore.publisher.oauth.control.OAuthPlatform;
import dev.ore.publisher.oauth.control.OAuthPlatforms;
import dev.ore.publisher.oauth.control.Pkce;
import dev.ore.publisher.platform.entity.Platform;
import dev.ore.publisher.problem.boundary.Refusal;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connects accounts through each platform's authorization-code flow. The state is random,
 * stored with the team, single-use (taking it deletes it) and expires after
 * {@code publisher.oauth.state-lifetime}. The code exchange runs outside any transaction.
 */
@Stateless
public class Authorizations {

    private static final Logger LOG = Logger.getLogger(Authorizations.class.getName());

    private static final String TAKE = """
            DELETE FROM oauth_authorization WHERE state = ?1
            RETURNING id, team_id, actor, platform, redirect_uri, code_verifier, expires_at > now()
            """;

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    OAuthPlatforms platforms;

    @Inject
    TokenCipher cipher;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "publisher.oauth.state-lifetime", defaultValue = "PT10M")
    Duration stateLifetime;

    public AuthorizationStart start(UUID team, String actor, Platform platform, URI redirectUri) {
        OAuthPlatform oauth = platforms.forPlatform(platform);
        UUID id = UUID.randomUUID();
        String state = Pkce.randomValue();
        String verifier = oauth.usesPkce() ? Pkce.randomValue() : null;
        URI authorizationUrl;
        try {
            authorizationUrl = oauth.authorizationUrl(state, redirectUri.toString(),
                    verifier == null ? null : Pkce.challenge(verifier));
        } catch (OAuthFailure notConfigured) {
            throw Refusal.conflict("Connecting " + platform + " through OAuth is not available: "
                    + notConfigured.getMessage() + ". Import the tokens directly instead.");
        }
        em.createNativeQuery("INSERT INTO oauth_authorization (id, state, team_id, actor, platform, redirect_uri, "
                        + "code_verifier, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, state).setParameter(3, team).setParameter(4, actor)
                .setParameter(5, platform.name()).setParameter(6, redirectUri.toString())
                .setParameter(7, verifier == null ? null : cipher.encrypt(id, TokenFields.PKCE_VERIFIER, verifier))
                .setParameter(8, Timestamp.from(Instant.now().plus(stateLifetime)))
                .executeUpdate();
        return new AuthorizationStart(authorizationUrl, state);
    }

    /**
     * The platform sent the user back. Takes the state (so it can never be used again), exchanges
     * the code, stores the account. Every failure is a {@link Refusal} and stores nothing.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SocialMediaAccount complete(String code, String state, String error) {
        if (state == null || state.isBlank()) {
            throw Refusal.invalid("The callback carries no state; start the connection again.");
        }
        PendingAuthorization pending = context.getBusinessObject(Authorizations.class).take(state);
        if (error != null && !error.isBlank()) {
            throw Refusal.invalid("The user did not authorise Ore Publisher at " + pending.platform() + " ("
                    + error.replaceAll("[^A-Za-z0-9_]", "") + "); nothing was connected.");
        }
        if (code == null || code.isBlank()) {
            throw Refusal.invalid("The callback carries no authorization code; nothing was connected.");
        }
        Connection connection;
        try {
            connection = platforms.forPlatform(pending.platform())
                    .exchange(code, pending.redirectUri(), pending.codeVerifier());
        } catch (OAuthFailure refused) {
            throw Refusal.invalid("Connecting " + pending.platform() + " failed: " + refused.getMessage()
                    + "; nothing was connected.");
        } catch (RuntimeException unreachable) {
            LOG.warning(() -> "Code exchange with " + pending.platform() + " failed: "
                    + unreachable.getClass().getSimpleName());
            throw Refusal.conflict("Connecting " + pending.platform() + " failed: the platform did not answer; "
                    + "nothing was connected. Start the connection again.");
        }
        return accounts.connect(pending.teamId(), pending.actor(), pending.platform(), connection, "oauth");
    }

    /** Deletes the state's row and returns what it held; unknown, used or expired states are refused. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PendingAuthorization take(String state) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(TAKE).setParameter(1, state).getResultList();
        if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[6])) {
            throw new Refusal(Refusal.Kind.INVALID,
                    "The state is unknown, already used or expired; start the connection again.");
        }
        Object[] row = rows.get(0);
        UUID id = (UUID) row[0];
        String sealedVerifier = (String) row[5];
        return new PendingAuthorization((UUID) row[1], (String) row[2], Platform.valueOf((String) row[3]),
                (String) row[4], sealedVerifier == null ? null : cipher.decrypt(id, TokenFields.PKCE_VERIFIER, sealedVerifier));
    }
}
