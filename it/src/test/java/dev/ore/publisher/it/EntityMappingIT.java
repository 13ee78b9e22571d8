package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.account.entity.AccountStatus;
import dev.ore.publisher.account.entity.EncryptedTokens;
import dev.ore.publisher.account.entity.SocialMediaAccount;
import dev.ore.publisher.audit.entity.AuditEntry;
import dev.ore.publisher.content.entity.Content;
import dev.ore.publisher.distribution.entity.ContentDistribution;
import dev.ore.publisher.distribution.entity.DistributionStatus;
import dev.ore.publisher.platform.entity.Platform;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside WildFly: every entity is written through JPA and read back from PostgreSQL unchanged. */
@ExtendWith(ArquillianExtension.class)
class EntityMappingIT {

    private final UUID team = UUID.randomUUID();

    @PersistenceContext(unitName = "publisher")
    EntityManager em;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(EntityMappingIT.class);
    }

    @Test
    void accountRoundTrips() throws Exception {
        Instant expiry = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        var account = new SocialMediaAccount(team, Platform.X, "@ore", "12345",
                new EncryptedTokens("k1:access", "k1:refresh", expiry, null), "tweet.write users.read");

        inTransaction(() -> { em.persist(account); return null; });
        SocialMediaAccount read = inTransaction(() -> em.find(SocialMediaAccount.class, account.getId()));

        assertThat(read.getTeamId()).isEqualTo(team);
        assertThat(read.getPlatform()).isEqualTo(Platform.X);
        assertThat(read.getStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(read.getTokens()).isEqualTo(new EncryptedTokens("k1:access", "k1:refresh", expiry, null));
        assertThat(read.getScopes()).isEqualTo("tweet.write users.read");
        assertThat(read.getCreatedOnUtc()).isNotNull();
        assertThat(read.getVersion()).isZero();
    }

    @Test
    void contentAndDistributionRoundTrip() throws Exception {
        var content = new Content(team, "Launch", "We are live", "caption", "#ore #launch",
                "https://example.com/a", null);
        Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        var distribution = new ContentDistribution(team, content.getId(), Platform.LINKEDIN, null, at,
                "Europe/Berlin", 3, Duration.ofMinutes(5));

        inTransaction(() -> {
            em.persist(content);
            em.persist(distribution);
            return null;
        });
        Content readContent = inTransaction(() -> em.find(Content.class, content.getId()));
        ContentDistribution read = inTransaction(() -> em.find(ContentDistribution.class, distribution.getId()));

        assertThat(readContent.getTitle()).isEqualTo("Launch");
        assertThat(readContent.getBody()).isEqualTo("We are live");
        assertThat(readContent.getHashtags()).isEqualTo("#ore #launch");
        assertThat(readContent.getLinkUrl()).isEqualTo("https://example.com/a");
        assertThat(read.getContentId()).isEqualTo(content.getId());
        assertThat(read.getStatus()).isEqualTo(DistributionStatus.SCHEDULED);
        assertThat(read.getPublishOnUtc()).isEqualTo(at);
        assertThat(read.getNextAttemptAt()).isEqualTo(at);
        assertThat(read.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(read.getRetryInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(read.getMaxRetryCount()).isEqualTo(3);
        assertThat(read.getAttemptCount()).isZero();
    }

    @Test
    void auditEntryRoundTripsWithJsonMetadata() throws Exception {
        UUID subject = UUID.randomUUID();
        var entry = new AuditEntry(team, "system", "content_published", "content_distribution", subject,
                Map.of("Platform", "X", "ExternalPostId", "1445880548472328192", "Attempt", 2));

        inTransaction(() -> { em.persist(entry); return null; });
        AuditEntry read = inTransaction(() -> em.find(AuditEntry.class, entry.getId()));

        assertThat(read.getAction()).isEqualTo("content_published");
        assertThat(read.getEntityId()).isEqualTo(subject);
        assertThat(read.getMetadata()).containsEntry("Platform", "X")
                .containsEntry("ExternalPostId", "1445880548472328192");
        assertThat(((Number) read.getMetadata().get("Attempt")).intValue()).isEqualTo(2);
        assertThat(read.getOccurredOnUtc()).isNotNull();
    }

    /** Each call runs in its own transaction with a fresh persistence context, so reads hit the database. */
    private <T> T inTransaction(Callable<T> work) throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:jboss/UserTransaction");
        tx.begin();
        try {
            T result = work.call();
            tx.commit();
            return result;
        } catch (Exception | Error e) {
            tx.rollback();
            throw e;
        }
    }
}
