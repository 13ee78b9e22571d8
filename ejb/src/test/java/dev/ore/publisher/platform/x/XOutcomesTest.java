package dev.ore.publisher.platform.x;

import static dev.ore.publisher.platform.control.Answers.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ore.publisher.platform.control.HttpAnswer;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.platform.control.PublishOutcome.Permanent;
import dev.ore.publisher.platform.control.PublishOutcome.Published;
import dev.ore.publisher.platform.control.PublishOutcome.Retryable;
import dev.ore.publisher.platform.control.PublishOutcome.TokenRejected;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XOutcomesTest {

    static final Instant NOW = Instant.parse("2026-03-10T10:15:30Z");
    static final String IN_10_MINUTES = epoch(NOW.plus(Duration.ofMinutes(10)));
    static final String IN_5_HOURS = epoch(NOW.plus(Duration.ofHours(5)));
    static final String IN_9_HOURS = epoch(NOW.plus(Duration.ofHours(9)));
    static final String AN_HOUR_AGO = epoch(NOW.minus(Duration.ofHours(1)));
    static final String RATE_LIMITED = """
            {"title":"Too Many Requests","type":"https://api.twitter.com/2/problems/rate-limit-exceeded",\
            "status":429,"detail":"Too Many Requests"}""";

    static String epoch(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }

    /** One case per X row of platforms.md §4, in the table's order. */
    static Stream<Arguments> errorTableRows() {
        return Stream.of(
                arguments("401 Unauthorized",
                        answer(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,"
                                + "\"detail\":\"Unauthorized\"}"),
                        new TokenRejected("token_rejected", null)),
                arguments("403 duplicate content",
                        answer(403, "{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403,\"detail\":"
                                + "\"You are not allowed to create a Tweet with duplicate content.\"}"),
                        new Permanent("duplicate_content", null)),
                arguments("403 client-forbidden",
                        answer(403, "{\"title\":\"Client Forbidden\",\"type\":\"https://api.twitter.com/2/problems/"
                                + "client-forbidden\",\"reason\":\"client-not-enrolled\",\"detail\":\"When authenticating"
                                + " requests to the Twitter API v2 endpoints, you must use keys and tokens from a"
                                + " Twitter developer App that is attached to a Project.\"}"),
                        new Permanent("permission_missing", null)),
                arguments("429 rate-limit-exceeded",
                        answer(429, RATE_LIMITED, "x-rate-limit-limit", "100", "x-rate-limit-remaining", "0",
                                "x-rate-limit-reset", IN_10_MINUTES),
                        new Retryable("rate_limited", null, Instant.parse("2026-03-10T10:25:30Z"), false)),
                arguments("429 usage-capped",
                        answer(429, "{\"title\":\"UsageCapExceeded\",\"type\":\"https://api.twitter.com/2/problems/"
                                + "usage-capped\",\"detail\":\"Usage cap exceeded: Monthly product cap\","
                                + "\"period\":\"Monthly\",\"scope\":\"Product\"}"),
                        new Permanent("usage_capped", null)),
                arguments("400 invalid-request",
                        answer(400, "{\"errors\":[{\"parameters\":{\"media.media_ids\":[\"123\"]},\"message\":"
                                + "\"The `media.media_ids` query parameter value [123] is not valid\"}],\"title\":"
                                + "\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\","
                                + "\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}"),
                        new Permanent("invalid_request", null)),
                arguments("503 server error", answer(503, "{\"title\":\"Service Unavailable\",\"status\":503}"),
                        new Retryable("server_error", null, null, true)));
    }

    static Stream<Arguments> furtherSignals() {
        return Stream.of(
                arguments("403 oauth1-permissions",
                        answer(403, "{\"title\":\"Forbidden\",\"type\":\"https://api.twitter.com/2/problems/"
                                + "oauth1-permissions\",\"detail\":\"Your client app is not configured with the"
                                + " appropriate oauth1 app permissions for this endpoint.\"}"),
                        new Permanent("permission_missing", null)),
                arguments("403 legacy duplicate 187",
                        answer(403, "{\"errors\":[{\"code\":187,\"message\":\"Status is a duplicate.\"}]}"),
                        new Permanent("duplicate_content", null)),
                arguments("429 legacy code 88 without headers",
                        answer(429, "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofMinutes(15)), false)),
                arguments("429 unreadable body", answer(429, "Too Many Requests", "x-rate-limit-reset", IN_10_MINUTES),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofMinutes(10)), false)),
                arguments("500", answer(500, ""), new Retryable("server_error", null, null, true)),
                arguments("502 HTML", answer(502, "<html>Bad Gateway</html>"), new Retryable("server_error", null, null, true)),
                arguments("504", answer(504, "{\"title\":\"Gateway Timeout\"}"), new Retryable("server_error", null, null, true)),
                arguments("404 unlisted", answer(404, "{\"title\":\"Not Found Error\",\"type\":\"https://api.twitter.com"
                        + "/2/problems/resource-not-found\"}"), new Permanent("request_rejected", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"errorTableRows", "furtherSignals"})
    void classifiesEachError(String name, HttpAnswer answer, PublishOutcome expected) {
        assertThat(XOutcomes.of(answer, NOW))
                .usingRecursiveComparison()
                .ignoringFields("message")
                .isEqualTo(expected);
    }

    static Stream<Arguments> rateLimitHeaders() {
        return Stream.of(
                arguments("15-minute window only", new String[] {"x-rate-limit-reset", IN_10_MINUTES},
                        NOW.plus(Duration.ofMinutes(10))),
                arguments("exhausted user 24-hour window is later",
                        new String[] {"x-rate-limit-reset", IN_10_MINUTES, "x-user-limit-24hour-remaining", "0",
                                "x-user-limit-24hour-reset", IN_5_HOURS},
                        NOW.plus(Duration.ofHours(5))),
                arguments("largest of all exhausted windows",
                        new String[] {"x-rate-limit-reset", IN_10_MINUTES, "x-user-limit-24hour-remaining", "0",
                                "x-user-limit-24hour-reset", IN_5_HOURS, "x-app-limit-24hour-remaining", "0",
                                "x-app-limit-24hour-reset", IN_9_HOURS},
                        NOW.plus(Duration.ofHours(9))),
                arguments("24-hour windows with calls left do not count",
                        new String[] {"x-rate-limit-reset", IN_10_MINUTES, "x-user-limit-24hour-remaining", "17",
                                "x-user-limit-24hour-reset", IN_5_HOURS, "x-app-limit-24hour-remaining", "9000",
                                "x-app-limit-24hour-reset", IN_9_HOURS},
                        NOW.plus(Duration.ofMinutes(10))),
                arguments("24-hour reset without its remaining header does not count",
                        new String[] {"x-rate-limit-reset", IN_10_MINUTES, "x-app-limit-24hour-reset", IN_9_HOURS},
                        NOW.plus(Duration.ofMinutes(10))),
                arguments("reset in the past falls back to 15 minutes",
                        new String[] {"x-rate-limit-reset", AN_HOUR_AGO}, NOW.plus(Duration.ofMinutes(15))),
                arguments("past 15-minute reset, exhausted app window in the future",
                        new String[] {"x-rate-limit-reset", AN_HOUR_AGO, "x-app-limit-24hour-remaining", "0",
                                "x-app-limit-24hour-reset", IN_5_HOURS},
                        NOW.plus(Duration.ofHours(5))),
                arguments("no headers", new String[0], NOW.plus(Duration.ofMinutes(15))),
                arguments("unparsable reset", new String[] {"x-rate-limit-reset", "soon"}, NOW.plus(Duration.ofMinutes(15))),
                arguments("header names in any case", new String[] {"X-Rate-Limit-Reset", IN_10_MINUTES},
                        NOW.plus(Duration.ofMinutes(10))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimitHeaders")
    void retriesARateLimitedPostAtTheLatestApplicableReset(String name, String[] headers, Instant expected) {
        Retryable limited = (Retryable) XOutcomes.of(answer(429, RATE_LIMITED, headers), NOW);

        assertThat(limited.notBefore()).isEqualTo(expected);
    }

    @Test
    void publishesWithThePostIdFromTheBody() {
        HttpAnswer created = answer(201, "{\"data\":{\"id\":\"1445880548472328192\","
                + "\"text\":\"New article is up https://t.co/abc123\"}}");

        assertThat(XOutcomes.of(created, NOW)).isEqualTo(new Published("1445880548472328192"));
    }

    @Test
    void treatsACreatedAnswerWithoutPostIdAsPermanentSoThePostIsNotSentTwice() {
        assertThat(XOutcomes.of(answer(201, "not json"), NOW))
                .isInstanceOf(Permanent.class)
                .extracting(outcome -> ((Permanent) outcome).code()).isEqualTo("missing_post_id");
    }

    @Test
    void keepsTheProblemDetailAsMessage() {
        HttpAnswer duplicate = answer(403, "{\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"You are not allowed to create a Tweet with duplicate content.\"}");

        assertThat(((Permanent) XOutcomes.of(duplicate, NOW)).message())
                .isEqualTo("You are not allowed to create a Tweet with duplicate content.");
    }

    @Test
    void fallsBackToTheLegacyErrorMessage() {
        HttpAnswer limited = answer(429, "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}");

        assertThat(((Retryable) XOutcomes.of(limited, NOW)).message()).isEqualTo("Rate limit exceeded");
    }

    @Test
    void describesAnAnswerWithoutMessageByItsStatus() {
        assertThat(((Retryable) XOutcomes.of(answer(503, ""), NOW)).message()).isEqualTo("X answered HTTP 503");
    }
}
