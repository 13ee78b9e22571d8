package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two job executions started at once over 2,000 due rows (and the timer's own executions) publish
 * every distribution exactly once: one create in the sandbox's journal, one attempt, one audit row.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentPublishingIT {

    private static final int DISTRIBUTIONS = 2_000;

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    @ArquillianResource
    ManagementClient management;

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void slowDownTheSandbox() {
        // A realistic platform takes its time, so the executions' claims overlap.
        sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/tweets")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withUniformRandomDelay(50, 150)
                        .withBody("{\"data\":{\"id\":\"{{randomValue length=19 type='NUMERIC'}}\",\"text\":\"ok\"}}")
                        .withTransformers("response-template")));
    }

    @Test
    void twoExecutionsStartedAtOnceNeverPublishADistributionTwice() throws Exception {
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < DISTRIBUTIONS; i++) {
            markers.add(UUID.randomUUID().toString());
        }
        data.dueNow(account, "X", markers.stream().map(marker -> "Race " + marker).toList());

        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            List<Future<ModelNode>> started = starters.invokeAll(List.of(startJob(), startJob()));
            for (Future<ModelNode> result : started) {
                assertThat(result.get().get("outcome").asString()).as(result.get().toString()).isEqualTo("success");
            }
        } finally {
            starters.shutdown();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> data.countDistributions("status = 'PUBLISHED' AND attempt_count = 1"), n -> n == DISTRIBUTIONS);
        Map<String, Long> creates = sandbox.wireMock().getAllServeEvents().stream()
                .map(event -> event.getRequest().getBodyAsString())
                .filter(body -> body.contains("Race "))
                .collect(Collectors.groupingBy(body -> body.substring(body.indexOf("Race ") + 5, body.indexOf("Race ") + 41),
                        Collectors.counting()));
        for (int i = 0; i < DISTRIBUTIONS; i++) {
            assertThat(creates.get(markers.get(i))).as("creates for distribution %d", i).isEqualTo(1L);
        }
        assertThat(data.countDistributions("d.id IS NOT NULL AND (SELECT count(*) FROM audit_log a WHERE a.entity_id = d.id) = 1"))
                .isEqualTo(DISTRIBUTIONS);
    }

    private Callable<ModelNode> startJob() {
        return () -> {
            ModelNode op = new ModelNode();
            op.get("address").add("deployment", "ore-publisher.ear").add("subdeployment", "ore-publisher-ejb.jar")
                    .add("subsystem", "batch-jberet");
            op.get("operation").set("start-job");
            op.get("job-xml-name").set("publish-due-distributions");
            return management.getControllerClient().execute(op);
        };
    }
}
