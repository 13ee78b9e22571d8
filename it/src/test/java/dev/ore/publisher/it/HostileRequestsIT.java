package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.it.Api.Answer;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of malformed and hostile requests, generated here: every one is refused with a 4xx
 * problem+json answer, none yields a 5xx, and no table gains or loses a row.
 */
@ExtendWith(ArquillianExtension.class)
class HostileRequestsIT {

    private static final String VALID = "{\"title\":\"T\",\"body\":\"B\",\"platforms\":[\"X\"],"
            + "\"publishOnUtc\":\"2031-01-01T00:00:00Z\"}";
    private static final List<String> HOSTILE_STRINGS = List.of(
            "'; DROP TABLE content_distribution; --", "\" OR 1=1 --", "<script>alert(1)</script>",
            "javascript:alert(1)", "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd", "%00", "\u0000",
            "\uD800", "x".repeat(70_000), "Robert'); DELETE FROM audit_log;--", "{{7*7}}", "#{7*7}");
    private static final List<String> HOSTILE_VALUES = List.of(
            "null", "true", "-1", "1e309", "99999999999999999999", "[]", "{}", "\"\"", "[null]", "[[\"X\"]]",
            "\"X\"", "0.5", "-2147483649", "\"-1\"");

    private final TestData data = new TestData();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void malformedAndHostileRequestsAreRefusedWithoutAServerErrorOrAWrittenRow() throws Exception {
        data.account("X", "2244994945", "x-token");
        String token = TestTokens.publisher(data.team());
        Map<String, Long> before = rowCounts();

        List<HttpRequest> requests = hostileRequests(token);
        List<String> failures = new ArrayList<>();
        for (HttpRequest request : requests) {
            Answer answer = Api.send(request);
            boolean refused = answer.status() >= 400 && answer.status() < 500
                    && answer.contentType().startsWith("application/problem+json")
                    || refusedBeforeTheApplication(request, answer);
            if (!refused) {
                failures.add(answer.status() + " " + answer.contentType() + " for " + request.method() + " "
                        + request.uri().toString().substring(0, Math.min(120, request.uri().toString().length()))
                        + " → " + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
        }

        assertThat(requests).hasSizeGreaterThanOrEqualTo(200);
        assertThat(failures).as("requests not refused cleanly").isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
    }

    /**
     * Payara's HTTP layer refuses an encoded slash or NUL in the path itself, with a bare 400, before
     * any application code runs (src/docs/payara.md): refused, no server error, nothing written, but
     * no body the application could shape. The payara profile sets the property; WildFly passes such
     * paths on to JAX-RS, which must answer problem+json.
     */
    private static boolean refusedBeforeTheApplication(HttpRequest request, Answer answer) {
        String path = request.uri().getRawPath();
        return Boolean.getBoolean("test.http.refuses-encoded-paths") && answer.status() == 400
                && (path.contains("%2F") || path.contains("%00"));
    }

    private List<HttpRequest> hostileRequests(String token) {
        List<HttpRequest> requests = new ArrayList<>();
        // Broken JSON: every prefix of a valid body, plus assorted garbage.
        for (int cut = 0; cut < VALID.length() - 1; cut += 3) {
            requests.add(schedule(token, VALID.substring(0, cut)));
        }
        for (String garbage : List.of("{", "}", "[", "nul", "{\"title\":}", "{'title':'T'}", "<xml/>", "\u0000\u0001",
                "{\"title\":\"T\",,}", "{\"platforms\":[\"X\",]}")) {
            requests.add(schedule(token, garbage));
        }
        // Each field replaced by values of the wrong type or out of range.
        for (String field : List.of("title", "body", "platforms", "publishOnUtc", "publishOnLocal", "timeZone",
                "retryInterval", "maxRetryCount", "hashtags", "linkUrl", "contentId")) {
            for (String value : HOSTILE_VALUES) {
                boolean optional = !List.of("title", "body", "platforms", "publishOnUtc", "contentId").contains(field);
                boolean anyTextGoes = List.of("title", "body").contains(field) && value.startsWith("\"") && !value.equals("\"\"");
                boolean emptyListGoes = field.equals("hashtags") && value.equals("[]");
                if (!(value.equals("null") && optional) && !anyTextGoes && !emptyListGoes) {
                    requests.add(schedule(token, withField(field, value)));
                }
            }
        }
        // Hostile strings where the rules forbid them.
        for (String hostile : HOSTILE_STRINGS) {
            String quoted = quote(hostile);
            requests.add(schedule(token, withField("platforms", "[" + quoted + "]")));
            requests.add(schedule(token, withField("timeZone", quoted)
                    .replace("\"publishOnUtc\":\"2031-01-01T00:00:00Z\"", "\"publishOnLocal\":\"2031-01-01T10:00:00\"")));
            requests.add(schedule(token, withField("publishOnUtc", quoted)));
            requests.add(schedule(token, withField("linkUrl", quoted)));
            requests.add(schedule(token, withField("hashtags", "[" + quoted + "]")));
            requests.add(schedule(token, withField("retryInterval", quoted)));
            requests.add(schedule(token, withField("contentId", quoted)));
            requests.add(Api.request("/publishing/distributions?status=" + encode(hostile), token).GET().build());
            requests.add(Api.request("/publishing/distributions?from=" + encode(hostile), token).GET().build());
            requests.add(Api.request("/publishing/status/" + encode(hostile), token).GET().build());
            requests.add(post(token, "/publishing/distributions/" + encode(hostile) + "/cancel", ""));
            requests.add(post(token, "/publishing/validate", "{\"body\":\"b\",\"platforms\":[" + quoted + "]}"));
        }
        // Rules: negative counts, too many retries, unknown platforms, duplicates, both times, no time.
        for (String body : List.of(
                withField("maxRetryCount", "11"), withField("platforms", "[\"MYSPACE\"]"),
                withField("platforms", "[\"X\",\"X\"]"), withField("platforms", "[\"X\",\"META\",\"LINKEDIN\",\"X\"]"),
                VALID.replace("}", ",\"publishOnLocal\":\"2031-01-01T10:00:00\",\"timeZone\":\"UTC\"}"),
                VALID.replace(",\"publishOnUtc\":\"2031-01-01T00:00:00Z\"", ""),
                withField("retryInterval", "\"PT1S\""), withField("retryInterval", "\"P30D\""),
                withField("title", "\"\""), withField("title", quote("t".repeat(301))),
                withField("title", quote("nul\u0000here")), withField("body", quote("\u0000")),
                withField("contentId", "\"00000000-0000-0000-0000-000000000000\""))) {
            requests.add(schedule(token, body));
        }
        // Wrong media types, oversized bodies, wrong methods, bad paging.
        requests.add(Api.request("/publishing/distributions", token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(VALID)).build());
        requests.add(Api.request("/publishing/distributions", token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<a/>")).build());
        requests.add(schedule(token, withField("body", quote("b".repeat(600_000)))));
        requests.add(Api.request("/publishing/distributions", token).DELETE().build());
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(300)];
            random.nextBytes(noise);
            requests.add(Api.request("/publishing/distributions", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(noise)).build());
        }
        for (String query : List.of("page=-1", "size=0", "size=101", "page=abc", "size=1e3", "to=yesterday")) {
            requests.add(Api.request("/publishing/distributions?" + query, token).GET().build());
        }
        return requests;
    }

    private static String withField(String field, String jsonValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "\"T\"");
        fields.put("body", "\"B\"");
        fields.put("platforms", "[\"X\"]");
        fields.put("publishOnUtc", "\"2031-01-01T00:00:00Z\"");
        fields.put(field, jsonValue);
        if (field.equals("contentId")) {
            fields.remove("title");
            fields.remove("body");
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value));
        return json.append('}').toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text.length() > 2000 ? text.substring(0, 2000) : text,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static HttpRequest schedule(String token, String body) {
        return post(token, "/publishing/distributions", body);
    }

    private static HttpRequest post(String token, String path, String body) {
        return Api.request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Rows only the API creates, whole tables; and everything of this test's team. */
    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            for (String table : List.of("content", "content_distribution", "idempotency_key", "social_media_account")) {
                counts.put(table, count(sql, "SELECT count(*) FROM " + table));
            }
            counts.put("audit_log of the team", count(sql, "SELECT count(*) FROM audit_log WHERE team_id = '"
                    + data.team() + "'"));
        }
        return counts;
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
