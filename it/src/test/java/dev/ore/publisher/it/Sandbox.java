package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ore.publisher.sandbox.SandboxPosts;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The platform sandbox for tests: WireMock in the test JVM with the same mappings the run command
 * serves ({@code server-config/sandbox}); tests add failure stubs on top and read the journal.
 */
public final class Sandbox implements BeforeAllCallback, AfterAllCallback {

    private WireMockServer server;
    private SandboxPosts posts;

    /** Starts before the test class's own {@code @BeforeAll} methods and stops after its last test. */
    @Override
    public void beforeAll(ExtensionContext context) {
        posts = new SandboxPosts();
        start();
    }

    /**
     * Stops the sandbox and starts it again on the same port with the mappings of its directory
     * (stubs a test added are gone; created posts are kept): every connection to it is closed, as
     * when a platform closes its idle keep-alive connections.
     */
    public void restart() {
        server.stop();
        start();
    }

    private void start() {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .port(Integer.getInteger("test.sandbox.port", 18089))
                .usingFilesUnderDirectory(System.getProperty("test.sandbox.dir"))
                .containerThreads(64)
                .jettyAcceptors(2)
                .extensions(posts));
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    /** What the sandbox created, answered from by its listing endpoints. */
    public SandboxPosts posts() {
        return posts;
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** Requests whose body contains {@code marker}, e.g. a distribution's id written into its text. */
    public List<LoggedRequest> requestsContaining(String marker) {
        return server.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getBodyAsString().contains(marker))
                .map(LoggedRequest.class::cast)
                .toList();
    }
}
