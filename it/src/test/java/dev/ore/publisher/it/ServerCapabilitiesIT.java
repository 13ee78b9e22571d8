package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server configured by {@code server-config/wildfly/*.cli} has what the application relies on:
 * present in the running server, not merely compiled against.
 */
@ExtendWith(ArquillianExtension.class)
class ServerCapabilitiesIT {

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "microprofile-config-smallrye",
        "microprofile-fault-tolerance-smallrye",
        "microprofile-health-smallrye",
        "microprofile-jwt-smallrye",
        "microprofile-openapi-smallrye",
        "batch-jberet"
    })
    void subsystemIsPresent(String subsystem) throws Exception {
        ModelNode result = read("subsystem", subsystem, null);

        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    }

    @Test
    void batchJobRepositoryIsJdbc() throws Exception {
        ModelNode result = read("subsystem", "batch-jberet", "default-job-repository");

        assertThat(result.get("result").asString()).isEqualTo("jdbc");
    }

    @Test
    void datasourcesAreEnvironmentDriven() throws Exception {
        ModelNode url = readRaw("PublisherDS", "connection-url");

        assertThat(url.asString()).contains("${env.PUBLISHER_DB_HOST:", "${env.PUBLISHER_DB_NAME:");
    }

    @Test
    void openApiDescribesTheApplication() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestServer.http("/openapi")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Ore Publisher API", "\"bearer\"",
                "\"/api/publishing/distributions\"", "\"/api/publishing/status/{id}\"",
                "\"/api/publishing/distributions/{id}/cancel\"", "\"/api/publishing/distributions/{id}/retry\"",
                "\"/api/publishing/validate\"", "\"ScheduleRequest\"", "\"Problem\"", "Europe/Berlin");
    }

    private ModelNode read(String type, String name, String attribute) throws Exception {
        ModelNode op = new ModelNode();
        op.get("address").add(type, name);
        if (attribute == null) {
            op.get("operation").set("read-resource");
        } else {
            op.get("operation").set("read-attribute");
            op.get("name").set(attribute);
        }
        return management.getControllerClient().execute(op);
    }

    private ModelNode readRaw(String datasource, String attribute) throws Exception {
        ModelNode op = new ModelNode();
        op.get("address").add("subsystem", "datasources").add("data-source", datasource);
        op.get("operation").set("read-attribute");
        op.get("name").set(attribute);
        op.get("resolve-expressions").set(false);
        ModelNode result = management.getControllerClient().execute(op);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
        return result.get("result");
    }
}
