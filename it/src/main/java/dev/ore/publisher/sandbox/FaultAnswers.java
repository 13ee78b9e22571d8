package dev.ore.publisher.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The answers of a {@link FaultMix} in each platform's own form, as the sandbox's marker
 * mappings give them (platforms.md §1.2, §2.4, §3.3): Meta's Graph error object with
 * {@code is_transient} and usage headers, LinkedIn's {@code {status, message}} bodies, X's problem
 * details with {@code x-rate-limit-*} headers.
 */
final class FaultAnswers {

    private FaultAnswers() {
    }

    static ResponseDefinition reset() {
        return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }

    /** A rate-limit answer for X or Meta (LinkedIn never gets one, see {@link FaultMix.Kind#RATE_LIMIT}). */
    static ResponseDefinition rateLimited(String platform, String page, int resetSeconds) {
        if (platform.equals("x")) {
            return new ResponseDefinitionBuilder().withStatus(429)
                    .withHeader("Content-Type", "application/problem+json")
                    .withHeader("x-rate-limit-limit", "100")
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader("x-rate-limit-reset", Long.toString(Instant.now().getEpochSecond() + resetSeconds))
                    .withBody("{\"title\":\"Too Many Requests\",\"type\":\"https://api.twitter.com/2/problems/"
                            + "rate-limit-exceeded\",\"status\":429,\"detail\":\"Too Many Requests\"}")
                    .build();
        }
        return meta(400, page, 100, 1, "{\"error\":{\"message\":\"(#80001) There have been too many calls to this "
                + "Page account. Wait a bit and try again.\",\"type\":\"OAuthException\",\"code\":80001,"
                + "\"is_transient\":true,\"fbtrace_id\":\"" + traceId() + "\"}}");
    }

    /** A 5xx: 503 where the platform's mapping uses it, 500 for "created but answered 500". */
    static ResponseDefinition serverError(String platform, String page, int status) {
        return switch (platform) {
            case "x" -> new ResponseDefinitionBuilder().withStatus(status)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"title\":\"" + reason(status) + "\",\"type\":\"about:blank\",\"status\":" + status
                            + ",\"detail\":\"" + reason(status) + "\"}")
                    .build();
            case "linkedin" -> new ResponseDefinitionBuilder().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"" + reason(status) + "\",\"status\":" + status + "}")
                    .build();
            default -> meta(500, page, 1, 0, "{\"error\":{\"message\":\"An unexpected error has occurred. Please "
                    + "retry your request later.\",\"type\":\"OAuthException\",\"code\":2,\"is_transient\":true,"
                    + "\"fbtrace_id\":\"" + traceId() + "\"}}");
        };
    }

    private static ResponseDefinition meta(int status, String page, int callCount, int regainMinutes, String body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("X-App-Usage", "{\"call_count\":1,\"total_cputime\":1,\"total_time\":1}")
                .withHeader("X-Business-Use-Case-Usage", "{\"" + page + "\":[{\"type\":\"pages\",\"call_count\":"
                        + callCount + ",\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":"
                        + regainMinutes + "}]}")
                .withBody(body)
                .build();
    }

    private static String reason(int status) {
        return status == 503 ? "Service Unavailable" : "Internal Server Error";
    }

    private static String traceId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 56, Long.MAX_VALUE), 36).substring(0, 11);
    }
}
