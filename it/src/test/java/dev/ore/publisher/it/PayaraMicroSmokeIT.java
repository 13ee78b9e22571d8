package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WAR build (micro/) on Payara Micro, which deploys no EARs: it starts, Flyway migrates its
 * empty database, and one distribution goes out through the sandbox, all through the public API.
 * Runs with -Ppayara only (the WildFly build excludes it).
 */
class PayaraMicroSmokeIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private static PayaraMicro micro;

    @BeforeAll
    static void startMicro() throws Exception {
        micro = PayaraMicro.start();
    }

    @AfterAll
    static void stopMicro() {
        if (micro != null) {
            micro.close();
        }
    }

    @Test
    void migratesItsDatabaseOnStartAndReportsTheSchemaReady() throws Exception {
        try (Connection connection = DriverManager.getConnection(System.getProperty("micro.db.url"),
                System.getProperty("test.db.user"), System.getProperty("test.db.password"));
             Statement statement = connection.createStatement();
             ResultSet migrations = statement.executeQuery(
                     "SELECT count(*) FILTER (WHERE success), count(*) FROM flyway_schema_history")) {
            migrations.next();
            assertThat(migrations.getInt(2)).as("migrations applied").isPositive();
            assertThat(migrations.getInt(1)).as("all of them successful").isEqualTo(migrations.getInt(2));
        }
        Api.Answer ready = Api.send(HttpRequest.newBuilder(micro.http("/health/ready")).build());
        assertThat(ready.body()).contains("\"database\"").contains("\"schemaVersion\"");
    }

    @Test
    void publishesOneDistributionThroughTheSandbox() throws Exception {
        String token = TestTokens.publisher(UUID.randomUUID());
        Api.Answer account = post("/api/social-media/oauth/connect", token, """
                {"platform":"X","accountName":"micro","accessToken":"x-token-%s","externalAccountId":"2244994945"}"""
                .formatted(UUID.randomUUID()));
        assertThat(account.status()).as(account.body()).isEqualTo(201);

        String text = "Hello from Payara Micro " + UUID.randomUUID();
        Api.Answer scheduled = post("/api/publishing/distributions", token, """
                {"title":"Micro","body":"%s","platforms":["X"],"publishOnUtc":"%s"}"""
                .formatted(text, Instant.now().minusSeconds(5)));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        String id = scheduled.array().getJsonObject(0).getString("id");

        JsonObject status = await("distribution published").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/publishing/status/" + id, token).json(),
                        answer -> "PUBLISHED".equals(answer.getString("status")));

        assertThat(status.getString("externalPostId")).matches("\\d{19}");
        assertThat(sandbox.requestsContaining(text)).hasSize(1);
    }

    private static Api.Answer post(String path, String token, String json) {
        return Api.send(HttpRequest.newBuilder(micro.http(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Api.Answer get(String path, String token) {
        return Api.send(HttpRequest.newBuilder(micro.http(path)).header("Authorization", "Bearer " + token).GET().build());
    }
}
