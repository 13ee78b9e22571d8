package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Job executions racing over the same due rows publish every distribution exactly once. */
@ExtendWith(ArquillianExtension.class)
class ConcurrentPublishingIT {

    private static final int DISTRIBUTIONS = 90;

    private static Sandbox sandbox;

    @ArquillianResource
    ManagementClient management;

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start();
        // A realistic platform takes its time, so the executions' claims overlap.
        sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/tweets")).atPriority(2)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withUniformRandomDelay(50, 150)
                        .withBody("{\"data\":{\"id\":\"{{randomValue length=19 type='NUMERIC'}}\",\"text\":\"ok\"}}")
                        .withTransformers("response-template")));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
    }

    @Test
    void twoExecutionsStartedAtOnceNeverPublishADistributionTwice() throws Exception {
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        List<UUID> distributions = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < DISTRIBUTIONS; i++) {
            String marker = UUID.randomUUID().toString();
            markers.add(marker);
            distributions.add(data.distribution(data.content("Race " + i, "Race " + marker, null, null), "X", account,
                    Instant.now(), 3, "SCHEDULED"));
        }

        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            List<Future<ModelNode>> started = starters.invokeAll(List.of(startJob(), startJob()));
            for (Future<ModelNode> result : started) {
                assertThat(result.get().get("outcome").asString()).as(result.get().toString()).isEqualTo("success");
            }
        } finally {
            starters.shutdown();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (UUID distribution : distributions) {
                assertThat(data.status(distribution)).isEqualTo("PUBLISHED");
            }
        });
        for (int i = 0; i < DISTRIBUTIONS; i++) {
            assertThat(sandbox.requestsContaining(markers.get(i))).as("requests for distribution %d", i).hasSize(1);
            assertThat(data.distribution(distributions.get(i)).get("attempt_count")).isEqualTo(1);
            assertThat(data.audit(distributions.get(i))).hasSize(1);
        }
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
