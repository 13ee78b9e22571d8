package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness watches the worker, not only the database: a timer that stopped although nobody
 * paused it, and due distributions waiting longer than {@code publisher.health.max-backlog-age}.
 */
@ExtendWith(ArquillianExtension.class)
class WorkerReadinessIT {

    @ArquillianResource
    ManagementClient management;

    private final TestData data = new TestData();
    private final String admin = TestTokens.admin(UUID.randomUUID());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void turnsUnreadyWhenTheTimerStopsWithoutBeingPausedAndRecovers() throws Exception {
        assertThat(check("publishing-timer").getString("status")).isEqualTo("UP");
        ModelNode timer = publishingTimer();
        try {
            // The server's own console can suspend a timer: the worker stops while nobody paused it.
            execute(timer, "suspend");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonObject check = check("publishing-timer");
                assertThat(check.getString("status")).isEqualTo("DOWN");
                assertThat(check.getJsonObject("data").getString("reason"))
                        .contains("has not run", "3 poll intervals", "not paused");
                assertThat(readiness().statusCode()).isEqualTo(503);
            });
        } finally {
            execute(timer, "activate");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(check("publishing-timer").getString("status")).isEqualTo("UP"));
    }

    @Test
    void staysReadyWhileTheTimerIsPausedOnPurpose() throws Exception {
        Api.post(AdminApiIT.TIMER + "/pause", admin, null);
        try {
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() ->
                    "UP".equals(check("publishing-timer").getString("status")));
            assertThat(check("publishing-timer").getJsonObject("data").getBoolean("paused")).isTrue();
        } finally {
            Api.post(AdminApiIT.TIMER + "/resume", admin, null);
        }
    }

    @Test
    void turnsUnreadyWhenDueDistributionsWaitLongerThanTheThreshold() throws Exception {
        Api.post(AdminApiIT.TIMER + "/pause", admin, null);
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        UUID stale = data.distribution(data.content("Stale", "Stale " + UUID.randomUUID(), null, null), "X", account,
                Instant.now().minus(Duration.ofMinutes(10)), 0, "SCHEDULED");
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonObject check = check("backlog");
                assertThat(check.getString("status")).isEqualTo("DOWN");
                assertThat(check.getJsonObject("data").getString("reason"))
                        .startsWith("the oldest due distribution has waited PT10M").endsWith("longer than PT5M");
                assertThat(readiness().statusCode()).isEqualTo(503);
            });
        } finally {
            try (Connection db = TestDatabase.connect(); PreparedStatement cancel = db.prepareStatement(
                    "UPDATE content_distribution SET status = 'CANCELLED', next_attempt_at = NULL WHERE id = ?")) {
                cancel.setObject(1, stale);
                cancel.executeUpdate();
            }
            Api.post(AdminApiIT.TIMER + "/resume", admin, null);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(check("backlog").getString("status")).isEqualTo("UP");
            assertThat(readiness().statusCode()).isEqualTo(200);
        });
    }

    private ModelNode publishingTimer() throws Exception {
        ModelNode service = new ModelNode();
        service.add("deployment", "ore-publisher.ear").add("subdeployment", "ore-publisher-ejb.jar")
                .add("subsystem", "ejb3").add("singleton-bean", "PublishingTimer").add("service", "timer-service");
        ModelNode read = new ModelNode();
        read.get("address").set(service);
        read.get("operation").set("read-resource");
        read.get("recursive").set(true);
        read.get("include-runtime").set(true);
        ModelNode result = management.getControllerClient().execute(read);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
        for (String id : result.get("result", "timer").keys()) {
            if (result.get("result", "timer", id, "info").asString().contains("publish-due-distributions")) {
                ModelNode address = service.clone();
                address.add("timer", id);
                return address;
            }
        }
        throw new AssertionError("no publishing timer in " + result);
    }

    private void execute(ModelNode address, String operation) throws Exception {
        ModelNode op = new ModelNode();
        op.get("address").set(address);
        op.get("operation").set(operation);
        ModelNode result = management.getControllerClient().execute(op);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    }

    private static java.net.http.HttpResponse<String> readiness() {
        return Api.send(HttpRequest.newBuilder(TestServer.management("/health/ready")).build()).raw();
    }

    private static JsonObject check(String name) {
        String body = readiness().body();
        return Json.createReader(new StringReader(body)).readObject().getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + name + " in " + body));
    }
}
