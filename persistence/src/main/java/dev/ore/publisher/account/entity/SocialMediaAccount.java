package dev.ore.publisher.account.entity;

import dev.ore.publisher.platform.entity.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A team's connection to one platform account (a Facebook Page, a LinkedIn member or organisation,
 * an X user). Tokens are stored encrypted; this entity never sees them in clear text, and its
 * {@link #toString()} leaves them out.
 */
@Entity
@Table(name = "social_media_account")
public class SocialMediaAccount {

    @Id
    private UUID id;

    @Column(name = "team_id", nullable = false, updatable = false)
    private UUID teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Platform platform;

    @Column(name = "account_name", nullable = false)
    private String accountName;

    @Column(name = "external_account_id", nullable = false)
    private String externalAccountId;

    @Column(name = "access_token", nullable = false)
    private String encryptedAccessToken;

    @Column(name = "refresh_token")
    private String encryptedRefreshToken;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "refresh_expires_at")
    private Instant refreshExpiresAt;

    private String scopes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "reconnect_soon", nullable = false)
    private boolean reconnectSoon;

    @Column(name = "created_on_utc", nullable = false, updatable = false)
    private Instant createdOnUtc;

    @Column(name = "modified_on_utc", nullable = false)
    private Instant modifiedOnUtc;

    @Version
    private long version;

    protected SocialMediaAccount() {
    }

    public SocialMediaAccount(UUID teamId, Platform platform, String accountName, String externalAccountId,
                              EncryptedTokens tokens, String scopes) {
        this(UUID.randomUUID(), teamId, platform, accountName, externalAccountId, tokens, scopes);
    }

    /** With an id chosen beforehand: tokens are sealed with the account id as associated data. */
    public SocialMediaAccount(UUID id, UUID teamId, Platform platform, String accountName, String externalAccountId,
                              EncryptedTokens tokens, String scopes) {
        this.id = Objects.requireNonNull(id, "id");
        this.teamId = Objects.requireNonNull(teamId, "teamId");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.accountName = Objects.requireNonNull(accountName, "accountName");
        this.externalAccountId = Objects.requireNonNull(externalAccountId, "externalAccountId");
        this.scopes = scopes;
        this.status = AccountStatus.ACTIVE;
        this.active = true;
        replaceTokens(tokens);
    }

    /** Stores a new set of (already encrypted) tokens, as after a connect or a refresh. */
    public void replaceTokens(EncryptedTokens tokens) {
        Objects.requireNonNull(tokens, "tokens");
        this.encryptedAccessToken = tokens.accessToken();
        this.encryptedRefreshToken = tokens.refreshToken();
        this.expiresAt = tokens.expiresAt();
        this.refreshExpiresAt = tokens.refreshExpiresAt();
        this.status = AccountStatus.ACTIVE;
        this.active = true;
    }

    /**
     * Stores the tokens of a refresh. A platform that does not rotate refresh tokens answers
     * without one: the stored refresh token then stays, never overwritten with nothing.
     */
    public void refreshed(EncryptedTokens tokens) {
        Objects.requireNonNull(tokens, "tokens");
        String keptRefreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : encryptedRefreshToken;
        Instant keptRefreshExpiry = tokens.refreshToken() != null ? tokens.refreshExpiresAt() : refreshExpiresAt;
        replaceTokens(new EncryptedTokens(tokens.accessToken(), keptRefreshToken, tokens.expiresAt(),
                keptRefreshExpiry));
    }

    /** The team connected the same platform again: new identity, new tokens, usable again. */
    public void reconnect(String accountName, String externalAccountId, EncryptedTokens tokens, String scopes) {
        this.accountName = Objects.requireNonNull(accountName, "accountName");
        this.externalAccountId = Objects.requireNonNull(externalAccountId, "externalAccountId");
        this.scopes = scopes;
        this.reconnectSoon = false;
        replaceTokens(tokens);
    }

    /** The same tokens sealed again (under another key); status and expiry stay as they are. */
    public void reseal(String encryptedAccessToken, String encryptedRefreshToken) {
        this.encryptedAccessToken = Objects.requireNonNull(encryptedAccessToken, "encryptedAccessToken");
        this.encryptedRefreshToken = encryptedRefreshToken;
    }

    /** Whether the team must reconnect soon because the refresh token itself expires. */
    public void reconnectSoon(boolean soon) {
        this.reconnectSoon = soon;
    }

    public boolean isReconnectSoon() {
        return reconnectSoon;
    }

    public void requireReauthorisation() {
        this.status = AccountStatus.REAUTH_REQUIRED;
    }

    /** Forgets the tokens: a disconnected account can never publish again. */
    public void disconnect() {
        this.status = AccountStatus.DISCONNECTED;
        this.active = false;
        this.encryptedAccessToken = "";
        this.encryptedRefreshToken = null;
    }

    public void markUsed(Instant when) {
        this.lastUsedAt = when;
    }

    @PrePersist
    void onCreate() {
        createdOnUtc = Instant.now();
        modifiedOnUtc = createdOnUtc;
    }

    @PreUpdate
    void onUpdate() {
        modifiedOnUtc = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public Platform getPlatform() {
        return platform;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getExternalAccountId() {
        return externalAccountId;
    }

    public EncryptedTokens getTokens() {
        if (status == AccountStatus.DISCONNECTED) {
            throw new IllegalStateException("account " + id + " is disconnected and holds no tokens");
        }
        return new EncryptedTokens(encryptedAccessToken, encryptedRefreshToken, expiresAt, refreshExpiresAt);
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRefreshExpiresAt() {
        return refreshExpiresAt;
    }

    public String getScopes() {
        return scopes;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getCreatedOnUtc() {
        return createdOnUtc;
    }

    public Instant getModifiedOnUtc() {
        return modifiedOnUtc;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "SocialMediaAccount[id=" + id + ", team=" + teamId + ", platform=" + platform + ", status=" + status + "]";
    }
}
