package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A graceful stop while the worker publishes loses nothing and sends nothing twice. SIGTERM, with
 * {@code -Dorg.wildfly.sigterm.suspend.timeout} set as the run command and the chaos nodes do,
 * and {@code shutdown --suspend-timeout} first suspend the server; this test suspends it the same
 * way: the running executions stop after their current chunk, the calls in flight finish and are
 * recorded, the claims never sent are given back, and no row is left PUBLISHING. Resumed, the
 * worker publishes the rest, each once.
 */
@ExtendWith(ArquillianExtension.class)
class GracefulShutdownIT {

    private static final int DISTRIBUTIONS = 300;

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    @ArquillianResource
    ManagementClient management;

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void suspendingMidRunFinishesTheCallsInFlightAndGivesBackTheUnsentClaims() throws Exception {
        String batch = UUID.randomUUID().toString();
        // A platform that takes its time, so that undeploying finds calls in flight.
        sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/tweets")).atPriority(1)
                .withRequestBody(containing(batch))
                .withMetadata(Map.of("sandbox", Map.of("created", true)))
                .willReturn(aResponse().withStatus(201).withFixedDelay(1_000)
                        .withHeader("Content-Type", "application/json").withBody("{}")));
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < DISTRIBUTIONS; i++) {
            markers.add(UUID.randomUUID().toString());
        }
        List<UUID> ids = data.dueNow(account, "X", markers.stream().map(marker -> batch + " " + marker).toList());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> data.countDistributions("status = 'PUBLISHING'"), inFlight -> inFlight > 0);
        Map<String, Long> whenSuspended;
        Map<String, Long> createsWhenSuspended;
        try {
            server("suspend", 30);
            whenSuspended = data.statusCounts();
            createsWhenSuspended = creates(batch);
        } finally {
            server("resume", null);
        }
        long published = whenSuspended.getOrDefault("PUBLISHED", 0L);
        long givenBack = whenSuspended.getOrDefault("SCHEDULED", 0L);
        // A call whose start the suspending server refused was never sent: a plain retry, no read-back.
        long notStarted = whenSuspended.getOrDefault("RETRY_SCHEDULED/call_rejected", 0L)
                + whenSuspended.getOrDefault("RETRY_SCHEDULED/circuit_open", 0L);
        // A call the suspending executor dropped cannot be told from one cut off after sending: it
        // is read back again later, never simply resent.
        long readBackLater = whenSuspended.entrySet().stream().filter(e -> e.getKey().startsWith("RECHECK_SCHEDULED"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(published).as("published before the server was suspended").isPositive();
        assertThat(published + givenBack + notStarted + readBackLater)
                .as("published, given back, never started or read back later: %s", whenSuspended)
                .isEqualTo(DISTRIBUTIONS);
        assertThat(createsWhenSuspended.values()).allMatch(count -> count == 1);
        assertThat(createsWhenSuspended).hasSize((int) published);

        // Retries (after the read-backs found nothing) are due at once rather than in 5 minutes.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            data.makeRetriesDue();
            return data.countDistributions("status = 'PUBLISHED'");
        }, n -> n == DISTRIBUTIONS);
        Map<String, Long> creates = creates(batch);
        for (int i = 0; i < DISTRIBUTIONS; i++) {
            assertThat(creates.get(markers.get(i))).as("creates for distribution %s", ids.get(i)).isEqualTo(1L);
        }
        assertThat(data.countDistributions("attempt_count = 1"))
                .isEqualTo(DISTRIBUTIONS - notStarted - readBackLater);
    }

    private void server(String operation, Integer suspendTimeoutSeconds) throws Exception {
        ModelNode op = new ModelNode();
        op.get("address").setEmptyList();
        op.get("operation").set(operation);
        if (suspendTimeoutSeconds != null) {
            op.get("suspend-timeout").set(suspendTimeoutSeconds);
        }
        ModelNode result = management.getControllerClient().execute(op);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    }

    /** Creates the sandbox received for this batch, by distribution marker. */
    private static Map<String, Long> creates(String batch) {
        Function<String, String> marker = body -> body.substring(body.indexOf(batch) + batch.length() + 1,
                body.indexOf(batch) + batch.length() + 37);
        return sandbox.wireMock().getAllServeEvents().stream()
                .map(event -> event.getRequest().getBodyAsString())
                .filter(body -> body.contains(batch))
                .collect(Collectors.groupingBy(marker, Collectors.counting()));
    }
}
