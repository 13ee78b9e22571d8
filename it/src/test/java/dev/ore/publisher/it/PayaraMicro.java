package dev.ore.publisher.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The WAR build on Payara Micro, started the way an operator starts it
 * ({@code server-config/payara/start-micro.sh}), with the test JVM's environment (sandbox URLs,
 * token keys, JWT key) but a database of its own, so no other server's worker touches its rows.
 */
final class PayaraMicro implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraMicro(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Micro and returns once {@code /health/ready} answers 200, or fails with the log's end. */
    static PayaraMicro start() throws IOException {
        Path work = Path.of(required("micro.work"));
        Files.createDirectories(work);
        Path log = work.resolve("micro.log");
        int port = Integer.parseInt(required("micro.port"));
        ProcessBuilder builder = new ProcessBuilder("bash", required("micro.start-script"), required("micro.jar"),
                required("micro.war"), String.valueOf(port), required("micro.libs"), work.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PUBLISHER_DB_NAME", required("micro.db.name"));
        PayaraMicro micro = new PayaraMicro(builder.start(), log, port);
        try {
            await("Payara Micro ready on port " + port).atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> !micro.process.isAlive() || micro.ready());
        } catch (RuntimeException e) {
            micro.close();
            throw new IllegalStateException("Payara Micro did not get ready; its log ends with:\n" + micro.logTail(), e);
        }
        if (!micro.process.isAlive()) {
            throw new IllegalStateException("Payara Micro stopped during start-up; its log ends with:\n" + micro.logTail());
        }
        return micro;
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private boolean ready() {
        try {
            return Api.send(HttpRequest.newBuilder(http("/health/ready")).timeout(Duration.ofSeconds(5)).build())
                    .status() == 200;
        } catch (IllegalStateException notListeningYet) {
            return false;
        }
    }

    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run with -Ppayara");
        }
        return value;
    }
}
