package dev.ore.publisher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sandbox's mappings answer each create with the case its text and headers ask for, whatever
 * order WireMock tries them in: the success stubs come first (priority 1, so a create meets one stub
 * of its platform instead of every error case before it) and pass over texts with a demo marker,
 * which the marker stubs (priorities 2–4) answer. No server needed: the sandbox alone, as the run
 * command and the benchmark start it, with the extension that records created posts.
 */
class SandboxMappingsIT {

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "x, plain text, 201, '\"text\":\"plain text'",
            "x, sandbox:expired-token, 401, Unauthorized",
            "x, sandbox:permission, 403, client-forbidden",
            "x, sandbox:rate-limit, 429, rate-limit-exceeded",
            "x, sandbox:server-error, 503, Service Unavailable",
            "x, sandbox:duplicate, 403, duplicate content",
            "linkedin, plain text, 201, ''",
            "linkedin, sandbox:expired-token, 401, REVOKED_ACCESS_TOKEN",
            "linkedin, sandbox:permission, 403, ACCESS_DENIED",
            "linkedin, sandbox:rate-limit, 429, '\"serviceErrorCode\":101'",
            "linkedin, sandbox:server-error, 503, ''",
            "linkedin, sandbox:duplicate, 422, Content is a duplicate",
            "meta, plain text, 200, '\"id\":\"1042_1'",
            "meta, sandbox:expired-token, 400, '\"code\":190'",
            "meta, sandbox:permission, 400, '\"code\":200'",
            "meta, sandbox:rate-limit, 400, '\"code\":80001'",
            "meta, sandbox:server-error, 500, '\"is_transient\":true'",
            "meta, sandbox:duplicate, 400, '\"code\":506'",
    })
    void eachCreateGetsTheAnswerItsTextAsksFor(String platform, String text, int status, String bodyPart) throws Exception {
        int recordedBefore = sandbox.posts().count();

        HttpResponse<String> answer = send(create(platform, text + " " + UUID.randomUUID()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains(bodyPart);
        assertThat(sandbox.posts().count()).as("posts recorded").isEqualTo(recordedBefore + (status < 300 ? 1 : 0));
        if (platform.equals("linkedin") && status == 201) {
            assertThat(answer.headers().firstValue("x-restli-id")).hasValueSatisfying(id -> assertThat(id).startsWith("urn:li:share:"));
        }
    }

    /** The parts of a success answer that differ per post or per call, as each platform sends them. */
    @Test
    void eachSuccessAnswerCarriesTheHeadersItsPlatformSends() throws Exception {
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> x = send(create("x", "x headers " + UUID.randomUUID()));
        HttpResponse<String> meta = send(create("meta", "meta headers " + UUID.randomUUID()));
        HttpResponse<String> linkedIn = send(create("linkedin", "linkedin headers " + UUID.randomUUID()));

        assertThat(x.body()).matches("\\{\"data\":\\{\"id\":\"1\\d{18}\",\"text\":\"x headers [-0-9a-f]{36}\"}}");
        assertThat(x.headers().firstValue("x-rate-limit-remaining")).hasValue("99");
        assertThat(x.headers().firstValue("x-rate-limit-reset")).map(Long::parseLong)
                .hasValueSatisfying(reset -> assertThat(reset).isBetween(now + 15 * 60 - 5, now + 15 * 60 + 5));
        for (String window : new String[] {"x-user-limit-24hour-reset", "x-app-limit-24hour-reset"}) {
            assertThat(x.headers().firstValue(window)).as(window).map(Long::parseLong)
                    .hasValueSatisfying(reset -> assertThat(reset).isBetween(now + 86_400 - 5, now + 86_400 + 5));
        }
        assertThat(meta.body()).matches("\\{\"id\":\"1042_1\\d{15}\"}");
        assertThat(meta.headers().firstValue("facebook-api-version")).hasValue("v21.0");
        assertThat(meta.headers().firstValue("X-App-Usage")).hasValueSatisfying(usage -> assertThat(usage).contains("\"call_count\":1"));
        assertThat(meta.headers().firstValue("X-Business-Use-Case-Usage")).hasValue("{\"1042\":[{\"type\":\"pages\","
                + "\"call_count\":1,\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":0}]}");
        assertThat(linkedIn.body()).isEmpty();
        assertThat(linkedIn.headers().allValues("x-restli-id")).singleElement()
                .satisfies(id -> assertThat(id).matches("urn:li:share:7\\d{18}"));
    }

    @ParameterizedTest(name = "LinkedIn-Version {0}, X-Restli-Protocol-Version {1} -> {2}")
    @CsvSource({
            "'', 2.0.0, 400, VERSION_MISSING",
            "202401, 2.0.0, 426, NONEXISTENT_VERSION",
            "202601, '', 400, ''",
            "202601, 1.0.0, 400, ''",
    })
    void linkedInRejectsMissingOrInactiveVersionHeadersBeforeCreating(String version, String protocol, int status, String bodyPart)
            throws Exception {
        Map<String, String> headers = headers("linkedin");
        headers.put("LinkedIn-Version", version);
        headers.put("X-Restli-Protocol-Version", protocol);
        headers.values().removeIf(String::isEmpty);

        HttpResponse<String> answer = send(create("linkedin", "headers checked first " + UUID.randomUUID(), headers));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains(bodyPart);
    }

    @Test
    void aCreateWithoutBearerTokenIsRefusedAsThePlatformRefusesIt() throws Exception {
        Map<String, String> headers = headers("x");
        headers.remove("Authorization");

        assertThat(send(create("x", "no token", headers)).statusCode()).isEqualTo(401);
    }

    /** How the integration tests turn a platform's answers into failures: a stub of their own at priority 1. */
    @Test
    void aTestsOwnStubAtPriorityOneWinsOverTheSuccessStub() throws Exception {
        var own = sandbox.wireMock().stubFor(post(urlPathEqualTo("/2/tweets")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        try {
            assertThat(send(create("x", "overridden " + UUID.randomUUID())).statusCode()).isEqualTo(503);
        } finally {
            sandbox.wireMock().removeStub(own);
        }
        assertThat(send(create("x", "answered again " + UUID.randomUUID())).statusCode()).isEqualTo(201);
    }

    /** A create shaped as the worker's platform clients send it, with the headers they send. */
    private static HttpRequest create(String platform, String text) {
        return create(platform, text, headers(platform));
    }

    private static HttpRequest create(String platform, String text, Map<String, String> headers) {
        String base = "http://127.0.0.1:" + sandbox.wireMock().port();
        HttpRequest.Builder request = switch (platform) {
            case "x" -> HttpRequest.newBuilder(URI.create(base + "/2/tweets"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"));
            case "linkedin" -> HttpRequest.newBuilder(URI.create(base + "/rest/posts"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"author\":\"urn:li:organization:1042\",\"commentary\":\""
                            + text + "\",\"visibility\":\"PUBLIC\",\"lifecycleState\":\"PUBLISHED\"}"));
            case "meta" -> HttpRequest.newBuilder(URI.create(base + "/v21.0/1042/feed"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + text + "\"}"));
            default -> throw new IllegalArgumentException(platform);
        };
        headers.forEach(request::header);
        return request.build();
    }

    /** The headers a platform client sends with a create, to change before sending. */
    private static Map<String, String> headers(String platform) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer sandbox-mappings-test");
        if (platform.equals("linkedin")) {
            headers.put("LinkedIn-Version", "202601");
            headers.put("X-Restli-Protocol-Version", "2.0.0");
        }
        return headers;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
