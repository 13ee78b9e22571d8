package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ore.publisher.it.TestData.AuditRow;
import java.time.Duration;
import java.time.Instant;
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
 * retirement the second post below goes out on a connection the restarted sandbox closed.
 * RESTEasy's pool (WildFly); Payara's client keeps connections its own way.
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
        awaitPublished(due(account, "before the platform closed its connections"));

        sandbox.restart();
        // Older than the retirement age, and well inside the pool's 2 s before it re-checks an idle connection.
        Thread.sleep(600);
        UUID distribution = due(account, "after the platform closed its connections");

        Map<String, Object> row = awaitPublished(distribution);
        assertThat(row.get("status")).isEqualTo("PUBLISHED");
        assertThat(row.get("attempt_count")).isEqualTo(1);
        assertThat(data.audit(distribution)).extracting(AuditRow::action).containsExactly("content_published");
    }

    private UUID due(UUID account, String text) throws Exception {
        return data.distribution(data.content("Pooled connections", text + " " + UUID.randomUUID(), null, null),
                "X", account, Instant.now(), 3, "SCHEDULED");
    }

    private Map<String, Object> awaitPublished(UUID distribution) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> data.distribution(distribution),
                row -> !"SCHEDULED".equals(row.get("status")) && !"PUBLISHING".equals(row.get("status")));
    }
}
