package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile Health of the deployed EAR, as a load balancer or an orchestrator sees it. */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void isLiveOnceDeployed() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(check(response.body(), "publisher").getString("status")).isEqualTo("UP");
    }

    @Test
    void isReadyWhileTheDatabaseAnswersAndReportsTheSchemaVersion() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject check = check(response.body(), "database");
        assertThat(check.getString("status")).isEqualTo("UP");
        assertThat(check.getJsonObject("data").getString("schemaVersion")).matches("\\d+(\\.\\d+)*");
    }

    @Test
    void turnsUnreadyWhenTheDatabaseRefusesConnectionsAndRecovers() throws Exception {
        try {
            refuseConnectionsToTestDatabase();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = get("/health/ready");
                assertThat(response.statusCode()).isEqualTo(503);
                JsonObject check = check(response.body(), "database");
                assertThat(check.getString("status")).isEqualTo("DOWN");
                assertThat(check.getJsonObject("data").getString("reason")).startsWith("cannot connect");
            });
        } finally {
            allowConnectionsToTestDatabase();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get("/health/ready").statusCode()).isEqualTo(200));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(TestServer.management(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject check(String body, String name) {
        JsonObject health = Json.createReader(new StringReader(body)).readObject();
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + name + " in " + body));
    }

    /** Like a database outage for the server: new connections fail and open ones are cut. */
    private static void refuseConnectionsToTestDatabase() throws SQLException {
        try (Connection admin = TestDatabase.connectAsAdmin(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + TestDatabase.name() + " WITH ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + TestDatabase.name() + "'");
        }
    }

    private static void allowConnectionsToTestDatabase() throws SQLException {
        try (Connection admin = TestDatabase.connectAsAdmin(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + TestDatabase.name() + " WITH ALLOW_CONNECTIONS true");
        }
    }
}
