package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server logs JSON lines; each settled transition is one line with its fields, and no token. */
@ExtendWith(ArquillianExtension.class)
class StructuredLogsIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void logsAFailedPublishAsOneJsonLineWithTheEventFieldsAndNoToken() throws Exception {
        String token = "x-token-" + UUID.randomUUID();
        UUID account = data.account("X", "2244994945", token);
        UUID distribution = data.distribution(data.content("Duplicate", "sandbox:duplicate " + UUID.randomUUID(),
                null, null), "X", account, Instant.now(), 3, "SCHEDULED");

        JsonObject line = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> eventLine(distribution.toString()), found -> found != null);

        assertThat(line.getString("loggerName")).isEqualTo("dev.ore.publisher.events");
        assertThat(line.getString("message")).startsWith("content_publish_failed ");
        JsonObject fields = line.getJsonObject("mdc");
        assertThat(fields.getString("event")).isEqualTo("content_publish_failed");
        assertThat(fields.getString("distributionId")).isEqualTo(distribution.toString());
        assertThat(fields.getString("teamId")).isEqualTo(data.team().toString());
        assertThat(fields.getString("platform")).isEqualTo("X");
        assertThat(fields.getString("attempt")).isEqualTo("1");
        assertThat(fields.getString("outcome")).isEqualTo("failed");
        assertThat(fields.getString("errorCode")).isNotBlank();
        assertThat(Files.readString(serverLog())).doesNotContain(token).doesNotContainIgnoringCase("bearer x-token");
    }

    private static JsonObject eventLine(String distributionId) throws IOException {
        List<String> lines = Files.readAllLines(serverLog());
        return lines.stream()
                .filter(line -> line.contains(distributionId) && line.contains("dev.ore.publisher.events"))
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .findFirst()
                .orElse(null);
    }

    private static Path serverLog() {
        return Path.of(System.getProperty("wildfly.home"), "standalone", "log", "server.log");
    }
}
