package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ore.publisher.it.TestData.AuditRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A platform closes keep-alive connections on its side (its idle timeout, a restart). A create sent
 * on a pooled connection the platform closed fails without an answer, which counts as ambiguous:
 * the post is read back and waits for re-checks before it may be sent again. The tests' server
 * retires pooled connections 0.5 s after opening them ({@code publisher.platform.connection-ttl},
 * it/pom.xml); the pool itself only re-checks a connection that sat idle for 2 s, so without the
 * retirement the second post below goes out on a connection the restarted sandbox closed. The
 * same holds for the injected OAuth clients: a refresh lost so could use up a rotating refresh
 * token. RESTEasy's pool (WildFly); Payara's client keeps connections its own way.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("wildfly")
class PooledConnectionsIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aCreateIsNotSentOnAConnectionThePlatformClosed() throws Exception {
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        awaitSettled(data, due(data, account, "before the platform closed its connections"));

        platformClosesItsConnections();
        UUID distribution = due(data, account, "after the platform closed its connections");

        Map<String, Object> row = awaitSettled(data, distribution);
        assertThat(row.get("status")).isEqualTo("PUBLISHED");
        assertThat(row.get("attempt_count")).isEqualTo(1);
        assertThat(data.audit(distribution)).extracting(AuditRow::action).containsExactly("content_published");
    }

    @Test
    void aTokenRefreshIsNotSentOnAConnectionThePlatformClosed() throws Exception {
        TestData before = new TestData();
        UUID expiring = expiringAccount(before);
        awaitSettled(before, due(before, expiring, "refreshed before the platform closed its connections"));
        assertThat(actions(before)).contains("token_refreshed");

        platformClosesItsConnections();
        TestData after = new TestData();
        UUID distribution = due(after, expiringAccount(after), "refreshed after the platform closed its connections");

        Map<String, Object> row = awaitSettled(after, distribution);
        assertThat(actions(after)).contains("token_refreshed").doesNotContain("token_refresh_failed");
        assertThat(row.get("status")).isEqualTo("PUBLISHED");
        assertThat(row.get("attempt_count")).isEqualTo(1);
    }

    /**
     * Every connection the server holds to the sandbox is closed on the sandbox's side; then the
     * pooled ones are older than the retirement age, and well inside the pool's 2 s before it
     * re-checks an idle connection.
     */
    private static void platformClosesItsConnections() throws InterruptedException {
        sandbox.restart();
        Thread.sleep(600);
    }

    /** An X account whose access token expires within the minute: it is refreshed before it publishes. */
    private static UUID expiringAccount(TestData team) throws Exception {
        return team.account("X", "2244994945", "expiring-" + UUID.randomUUID(), "x-refresh-" + UUID.randomUUID(),
                Instant.now().plusSeconds(60));
    }

    private static List<Object> actions(TestData team) throws Exception {
        return team.teamAudit().stream().map(audit -> audit.get("action")).toList();
    }

    private static UUID due(TestData team, UUID account, String text) throws Exception {
        return team.distribution(team.content("Pooled connections", text + " " + UUID.randomUUID(), null, null),
                "X", account, Instant.now(), 3, "SCHEDULED");
    }

    /** The distribution once its claim is settled, whatever came of it. */
    private static Map<String, Object> awaitSettled(TestData team, UUID distribution) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> team.distribution(distribution),
                row -> !"SCHEDULED".equals(row.get("status")) && !"PUBLISHING".equals(row.get("status")));
    }
}
