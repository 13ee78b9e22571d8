package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * The platform sandbox for tests: WireMock in the test JVM with the same mappings the run command
 * serves ({@code server-config/sandbox}); tests add failure stubs on top and read the journal.
 */
public final class Sandbox {

    private final WireMockServer server;
    private final SandboxPosts posts;

    private Sandbox(WireMockServer server, SandboxPosts posts) {
        this.server = server;
        this.posts = posts;
    }

    public static Sandbox start() {
        var posts = new SandboxPosts();
        var server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .port(Integer.getInteger("test.sandbox.port", 18089))
                .usingFilesUnderDirectory(System.getProperty("test.sandbox.dir"))
                .containerThreads(64)
                .jettyAcceptors(2)
                .extensions(posts));
        server.start();
        return new Sandbox(server, posts);
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

    public void stop() {
        server.stop();
    }
}
