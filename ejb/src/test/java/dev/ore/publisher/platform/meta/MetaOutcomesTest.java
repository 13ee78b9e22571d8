package dev.ore.publisher.platform.meta;

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

class MetaOutcomesTest {

    static final Instant NOW = Instant.parse("2026-03-10T10:15:30Z");
    static final String BUC = "X-Business-Use-Case-Usage";

    static String error(int code, Integer subcode, boolean isTransient, String message) {
        return """
                {"error":{"message":"%s","type":"OAuthException","code":%d,%s"is_transient":%s,\
                "fbtrace_id":"EJplcsCHuLu"}}""".formatted(message, code,
                subcode == null ? "" : "\"error_subcode\":" + subcode + ",", isTransient);
    }

    static HttpAnswer graphError(int status, int code, Integer subcode, boolean isTransient, String message,
                                 String... headers) {
        return answer(status, error(code, subcode, isTransient, message), headers);
    }

    /** One case per Meta row of platforms.md §4, in the table's order. */
    static Stream<Arguments> errorTableRows() {
        return Stream.of(
                arguments("190/463 token expired",
                        graphError(400, 190, 463, false, "Error validating access token: Session has expired on"
                                + " Tuesday, 10-Mar-26 09:00:00 PST."),
                        new TokenRejected("meta_190_463", null)),
                arguments("190/460 password changed",
                        graphError(400, 190, 460, false, "Error validating access token: The session has been"
                                + " invalidated because the user changed their password."),
                        new TokenRejected("meta_190_460", null)),
                arguments("200 permission missing",
                        graphError(400, 200, null, false, "(#200) The user hasn't authorized the application to"
                                + " perform this action: pages_manage_posts"),
                        new Permanent("permission_missing", null)),
                arguments("80001 Pages BUC rate limit with regain time",
                        graphError(400, 80001, null, true, "(#80001) There have been too many calls to this Page"
                                        + " account. Wait a bit and try again.",
                                BUC, "{\"546349135390552\":[{\"type\":\"pages\",\"call_count\":100,"
                                        + "\"total_cputime\":20,\"total_time\":25,\"estimated_time_to_regain_access\":17}]}"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofMinutes(17)), false)),
                arguments("506 duplicate status message",
                        graphError(400, 506, null, false, "(#506) Duplicate status message"),
                        new Permanent("duplicate_content", null)),
                arguments("368 policy block",
                        graphError(400, 368, 1404102, false, "The action attempted has been deemed abusive or is"
                                + " otherwise disallowed"),
                        new Permanent("policy_violation", null)),
                arguments("2 transient service error on HTTP 500",
                        graphError(500, 2, null, true, "An unexpected error has occurred. Please retry your"
                                + " request later."),
                        new Retryable("server_error", null, null, true)),
                arguments("100 invalid parameter",
                        graphError(400, 100, null, false, "(#100) Invalid parameter"),
                        new Permanent("invalid_request", null)));
    }

    /** The other codes and subcodes each row names. */
    static Stream<Arguments> furtherCodesOfEachRow() {
        return Stream.of(
                arguments("190 without subcode", graphError(400, 190, null, false, "Invalid OAuth access token."),
                        new TokenRejected("meta_190", null)),
                arguments("190/467 logged out", graphError(400, 190, 467, false, "Error validating access token"),
                        new TokenRejected("meta_190_467", null)),
                arguments("190/492 invalid session", graphError(400, 190, 492, false, "Invalid session"),
                        new TokenRejected("meta_190_492", null)),
                arguments("102 session key invalid", graphError(400, 102, null, false, "Session key invalid"),
                        new TokenRejected("meta_102", null)),
                arguments("190/458 app removed", graphError(400, 190, 458, false, "App not installed"),
                        new TokenRejected("meta_190_458", null)),
                arguments("190/459 checkpoint", graphError(400, 190, 459, false, "User checkpointed"),
                        new TokenRejected("meta_190_459", null)),
                arguments("190/464 unconfirmed user", graphError(400, 190, 464, false, "Unconfirmed user"),
                        new TokenRejected("meta_190_464", null)),
                arguments("10 permission denied", graphError(403, 10, null, false, "(#10) Permission denied"),
                        new Permanent("permission_missing", null)),
                arguments("299 end of permission range", graphError(400, 299, null, false, "(#299) Permission"),
                        new Permanent("permission_missing", null)),
                arguments("4 app rate limit", graphError(400, 4, null, true, "(#4) Application request limit reached"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofHours(1)), false)),
                arguments("17 user rate limit", graphError(400, 17, null, true, "(#17) User request limit reached"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofHours(1)), false)),
                arguments("32 page rate limit", graphError(400, 32, null, false, "(#32) Page request limit reached"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofHours(1)), false)),
                arguments("341 feed action limit", graphError(400, 341, null, false, "(#341) Feed action request limit"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofHours(1)), false)),
                arguments("613 call rate", graphError(400, 613, null, false, "Calls to this api have exceeded the rate limit."),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofHours(1)), false)),
                arguments("80000 BUC", graphError(400, 80000, null, false, "(#80000) Too many calls"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofHours(1)), false)),
                arguments("80014 BUC", graphError(400, 80014, null, false, "(#80014) Too many calls"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofHours(1)), false)),
                arguments("1390008 posting too fast", graphError(400, 368, 1390008, false, "You're posting too fast"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofHours(1)), false)),
                arguments("368 already posted", graphError(400, 368, null, false, "You've already posted this."
                                + " Please try posting something else."),
                        new Permanent("duplicate_content", null)),
                arguments("368 other", graphError(400, 368, null, false, "The action attempted has been deemed abusive"),
                        new Permanent("policy_violation", null)),
                arguments("subcode 1346003", graphError(400, 1, 1346003, false, "Content blocked"),
                        new Permanent("policy_violation", null)),
                arguments("1 unknown error", graphError(500, 1, null, false, "An unknown error occurred"),
                        new Retryable("server_error", null, null, true)),
                arguments("is_transient on any code", graphError(400, 3, null, true, "Temporary problem"),
                        new Retryable("server_error", null, null, true)),
                arguments("1609005 link scrape failed", graphError(400, 1609005, null, false, "Error posting link"),
                        new Permanent("invalid_request", null)),
                arguments("subcode 2069019", graphError(400, 100, 2069019, false, "Invalid image"),
                        new Permanent("invalid_request", null)),
                arguments("subcode 1366046", graphError(400, 324, 1366046, false, "Photo file not supported"),
                        new Permanent("invalid_request", null)),
                arguments("unlisted code on HTTP 400", graphError(400, 12, null, false, "(#12) deprecated"),
                        new Permanent("request_rejected", null)),
                arguments("unlisted code on HTTP 503", graphError(503, 12, null, false, "Service unavailable"),
                        new Retryable("server_error", null, null, true)));
    }

    static Stream<Arguments> unreadableAnswers() {
        return Stream.of(
                arguments("HTML 502 from a proxy", answer(502, "<html><body>Bad Gateway</body></html>"),
                        new Retryable("server_error", null, null, true)),
                arguments("empty 500", answer(500, ""), new Retryable("server_error", null, null, true)),
                arguments("plain-text 429", answer(429, "Too Many Requests"),
                        new Retryable("rate_limited", null, NOW.plus(Duration.ofHours(1)), false)),
                arguments("JSON array on 400", answer(400, "[1,2]"), new Permanent("unexpected_answer", null)),
                arguments("truncated JSON on 400", answer(400, "{\"error\":{\"code\":19"),
                        new Permanent("unexpected_answer", null)),
                arguments("JSON without error on 404", answer(404, "{\"foo\":1}"),
                        new Permanent("unexpected_answer", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"errorTableRows", "furtherCodesOfEachRow", "unreadableAnswers"})
    void classifiesEachErrorOnCodeSubcodeAndTransience(String name, HttpAnswer answer, PublishOutcome expected) {
        assertThat(MetaOutcomes.of(answer, NOW))
                .usingRecursiveComparison()
                .ignoringFields("message")
                .isEqualTo(expected);
    }

    @Test
    void publishesWithTheFeedPostId() {
        assertThat(MetaOutcomes.of(answer(200, "{\"id\":\"546349135390552_1116691191689674\"}"), NOW))
                .isEqualTo(new Published("546349135390552_1116691191689674"));
    }

    @Test
    void publishesAPhotoWithItsFeedPostIdRatherThanThePhotoId() {
        assertThat(MetaOutcomes.of(answer(200, "{\"id\":\"998877\",\"post_id\":\"546349135390552_42\"}"), NOW))
                .isEqualTo(new Published("546349135390552_42"));
    }

    @Test
    void treatsASuccessWithoutIdAsPermanentSoThePostIsNotSentTwice() {
        assertThat(MetaOutcomes.of(answer(200, "{\"success\":true}"), NOW))
                .isInstanceOf(Permanent.class)
                .extracting(outcome -> ((Permanent) outcome).code()).isEqualTo("missing_post_id");
    }

    @Test
    void classifiesAnErrorBodyOnHttp200() {
        assertThat(MetaOutcomes.of(graphError(200, 190, 463, false, "Session has expired"), NOW))
                .isInstanceOf(TokenRejected.class);
    }

    @Test
    void waitsForTheLongestRegainTimeOverAllUsageEntries() {
        HttpAnswer answer = graphError(400, 80001, null, true, "Too many calls", BUC,
                "{\"111\":[{\"type\":\"pages\",\"estimated_time_to_regain_access\":5},"
                        + "{\"type\":\"pages\",\"estimated_time_to_regain_access\":0}],"
                        + "\"222\":[{\"type\":\"pages\",\"estimated_time_to_regain_access\":42}]}");

        assertThat(MetaOutcomes.of(answer, NOW))
                .isEqualTo(new Retryable("rate_limited", "Too many calls", NOW.plus(Duration.ofMinutes(42)), false));
    }

    @Test
    void waitsAnHourWhenTheUsageHeaderAnnouncesNoWait() {
        HttpAnswer answer = graphError(400, 80001, null, true, "Too many calls", BUC,
                "{\"111\":[{\"type\":\"pages\",\"call_count\":100,\"estimated_time_to_regain_access\":0}]}");

        assertThat(((Retryable) MetaOutcomes.of(answer, NOW)).notBefore()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void waitsAnHourWhenTheUsageHeaderIsGarbled() {
        HttpAnswer answer = graphError(400, 4, null, true, "Too many calls", BUC, "{not json");

        assertThat(((Retryable) MetaOutcomes.of(answer, NOW)).notBefore()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void readsTheUsageHeaderWhateverItsCase() {
        HttpAnswer answer = graphError(400, 32, null, false, "Too many calls", "x-business-use-case-usage",
                "{\"111\":[{\"estimated_time_to_regain_access\":3}]}");

        assertThat(((Retryable) MetaOutcomes.of(answer, NOW)).notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
    }

    @Test
    void keepsThePlatformMessageButBlanksATokenQuotedInIt() {
        String token = "EAABwzLixnjYBO1x2ZCZBkZC9ZAe8ZBZAkqNmUzZAQZDZD";
        HttpAnswer answer = graphError(400, 190, null, false, "Malformed access token " + token);

        PublishOutcome outcome = MetaOutcomes.of(answer, NOW);

        assertThat(((TokenRejected) outcome).message())
                .isEqualTo("Malformed access token [redacted]")
                .doesNotContain(token);
    }
}
