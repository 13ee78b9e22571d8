import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's own ceiling: create calls for X, LinkedIn and Meta in turn, shaped as the worker
 * sends them, from a few threads as fast as the sandbox answers. Prints the calls answered per
 * second; exits 1 if any call is not answered with success. A call whose connection breaks before
 * any answer is sent once more (and counted on standard error).
 *
 * <pre>java src/benchmark/SandboxLoad.java http://127.0.0.1:18589 8 20000 30</pre>
 * (base URL, threads, calls, accounts per platform)
 */
public final class SandboxLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int threads = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        int accounts = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int call = next.getAndIncrement(); call < calls; call = next.getAndIncrement()) {
                    try {
                        HttpRequest request = request(base, call, call % accounts);
                        HttpResponse<String> response;
                        try {
                            response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        } catch (IOException e) {
                            // A pooled connection the server closed as the call went out (the JDK client
                            // does not resend a POST): sent once more on a fresh connection, and counted.
                            retried.incrementAndGet();
                            response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        }
                        if (response.statusCode() >= 300) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, request.uri().getPath() + ": HTTP " + response.statusCode()
                                    + " " + response.body());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, "call " + call + ": " + e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d%n", Math.round(calls / seconds));
        if (retried.get() > 0) {
            System.err.println(retried.get() + " of " + calls + " calls were sent twice: the connection broke before an answer");
        }
        if (failed.get() > 0) {
            System.err.println(failed.get() + " of " + calls + " calls were not answered with success; the first: "
                    + firstFailure.get());
            System.exit(1);
        }
    }

    private static HttpRequest request(String base, int call, int account) {
        String text = "Post number " + call + " of a sandbox load run";
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Content-Type", "application/json")
                .header("Authorization", "Bearer sandbox-load-" + account);
        return switch (call % 3) {
            case 0 -> request.uri(URI.create(base + "/2/tweets"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build();
            case 1 -> request.uri(URI.create(base + "/rest/posts"))
                    .header("LinkedIn-Version", "202601").header("X-Restli-Protocol-Version", "2.0.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"author\":\"urn:li:organization:" + account
                            + "\",\"commentary\":\"" + text + "\",\"visibility\":\"PUBLIC\",\"distribution\":"
                            + "{\"feedDistribution\":\"MAIN_FEED\",\"targetEntities\":[],\"thirdPartyDistributionChannels\":[]},"
                            + "\"lifecycleState\":\"PUBLISHED\",\"isReshareDisabledByAuthor\":false}")).build();
            default -> request.uri(URI.create(base + "/v21.0/" + (1_000_000 + account) + "/feed"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + text + "\"}")).build();
        };
    }
}
