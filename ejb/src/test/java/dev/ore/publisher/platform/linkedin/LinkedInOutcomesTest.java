package dev.ore.publisher.platform.linkedin;

import static dev.ore.publisher.platform.control.Answers.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ore.publisher.platform.control.HttpAnswer;
import dev.ore.publisher.platform.control.PublishOutcome;
import dev.ore.publisher.platform.control.PublishOutcome.Permanent;
import dev.ore.publisher.platform.control.PublishOutcome.Published;
import dev.ore.publisher.platform.control.PublishOutcome.Retryable;
import dev.ore.publisher.platform.control.PublishOutcome.TokenRejected;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LinkedInOutcomesTest {

    static final Instant NOW = Instant.parse("2026-03-10T22:15:30Z");
    static final Instant NEXT_MIDNIGHT = Instant.parse("2026-03-11T00:00:00Z");
    static final String DUPLICATE_BODY = """
            {"errorDetailType":"com.linkedin.common.error.BadRequest",\
            "message":"ERROR :: /commentary :: Content is a duplicate of urn:li:share:7141138937766391808",\
            "errorDetails":{"inputErrors":[{"description":"Duplicate post is detected","input":{},\
            "code":"DUPLICATE_POST"}]},"status":422}""";

    /** One case per LinkedIn row of platforms.md §4, in the table's order. */
    static Stream<Arguments> errorTableRows() {
        return Stream.of(
                arguments("401 65601 revoked token",
                        answer(401, "{\"status\":401,\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\","
                                + "\"message\":\"The token used in the request has been revoked by the user\"}"),
                        new TokenRejected("token_revoked", null)),
                arguments("403 ACCESS_DENIED",
                        answer(403, "{\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\","
                                + "\"message\":\"Not enough permissions to access: POST /posts\"}"),
                        new Permanent("permission_missing", null)),
                arguments("422 DUPLICATE_POST", answer(422, DUPLICATE_BODY),
                        new Permanent("duplicate_content", null)),
                arguments("429 throttle 101",
                        answer(429, "{\"serviceErrorCode\":101,\"message\":\"Resource level throttle limit for calls"
                                + " to this resource is reached.\",\"status\":429}"),
                        new Retryable("rate_limited", null, NEXT_MIDNIGHT, false)),
                arguments("426 NONEXISTENT_VERSION",
                        answer(426, "{\"status\":426,\"code\":\"NONEXISTENT_VERSION\","
                                + "\"message\":\"Requested version 20250401 is not active\"}"),
                        new Permanent("linkedin_version_retired", null)),
                arguments("400 bad request",
                        answer(400, "{\"status\":400,\"message\":\"Invalid author URN\"}"),
                        new Permanent("invalid_request", null)),
                arguments("503 server error", answer(503, "{\"status\":503,\"message\":\"Service Unavailable\"}"),
                        new Retryable("server_error", null, null, true)));
    }

    static Stream<Arguments> furtherSignalsOfEachRow() {
        return Stream.of(
                arguments("401 65600 invalid token",
                        answer(401, "{\"status\":401,\"serviceErrorCode\":65600,\"message\":\"Invalid access token\"}"),
                        new TokenRejected("token_invalid", null)),
                arguments("401 expired token",
                        answer(401, "{\"status\":401,\"serviceErrorCode\":65602,\"code\":\"EXPIRED_ACCESS_TOKEN\","
                                + "\"message\":\"The token used in the request has expired\"}"),
                        new TokenRejected("token_expired", null)),
                arguments("401 without body", answer(401, ""), new TokenRejected("token_invalid", null)),
                arguments("403 without code", answer(403, "{\"status\":403,\"message\":\"Forbidden\"}"),
                        new Permanent("permission_missing", null)),
                arguments("404", answer(404, "{\"status\":404,\"message\":\"Not Found\"}"),
                        new Permanent("invalid_request", null)),
                arguments("422 other validation",
                        answer(422, "{\"status\":422,\"message\":\"Field /commentary is too long\",\"errorDetails\":"
                                + "{\"inputErrors\":[{\"code\":\"FIELD_LENGTH_TOO_LONG\"}]}}"),
                        new Permanent("invalid_request", null)),
                arguments("500", answer(500, "{\"status\":500,\"message\":\"Internal Server Error\"}"),
                        new Retryable("server_error", null, null, true)),
                arguments("502 HTML from a proxy", answer(502, "<html>Bad Gateway</html>"),
                        new Retryable("server_error", null, null, true)),
                arguments("504 empty", answer(504, ""), new Retryable("server_error", null, null, true)),
                arguments("429 without body", answer(429, ""), new Retryable("rate_limited", null, NEXT_MIDNIGHT, false)),
                arguments("409 unlisted", answer(409, "{\"status\":409,\"message\":\"Conflict\"}"),
                        new Permanent("request_rejected", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"errorTableRows", "furtherSignalsOfEachRow"})
    void classifiesEachError(String name, HttpAnswer answer, PublishOutcome expected) {
        assertThat(LinkedInOutcomes.of(answer, NOW))
                .usingRecursiveComparison()
                .ignoringFields("message")
                .isEqualTo(expected);
    }

    @Test
    void publishesWithThePostUrnFromTheRestliHeader() {
        HttpAnswer created = answer(201, "", "X-RestLi-Id", "urn:li:share:7012345678901234567");

        assertThat(LinkedInOutcomes.of(created, NOW)).isEqualTo(new Published("urn:li:share:7012345678901234567"));
    }

    @Test
    void treatsACreatedAnswerWithoutPostIdAsPermanentSoThePostIsNotSentTwice() {
        assertThat(LinkedInOutcomes.of(answer(201, ""), NOW))
                .isInstanceOf(Permanent.class)
                .extracting(outcome -> ((Permanent) outcome).code()).isEqualTo("missing_post_id");
    }

    @Test
    void namesTheExistingPostInTheDuplicateMessage() {
        Permanent duplicate = (Permanent) LinkedInOutcomes.of(answer(422, DUPLICATE_BODY), NOW);

        assertThat(duplicate.message()).isEqualTo("Content is a duplicate of urn:li:share:7141138937766391808");
        assertThat(LinkedInOutcomes.existingPostUrn(duplicate.message())).contains("urn:li:share:7141138937766391808");
    }

    @Test
    void findsNoExistingPostInAnOrdinaryMessage() {
        assertThat(LinkedInOutcomes.existingPostUrn("Invalid author URN")).isEmpty();
        assertThat(LinkedInOutcomes.existingPostUrn(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-03-10T00:00:00Z, 2026-03-11T00:00:00Z",
            "2026-03-10T23:59:59Z, 2026-03-11T00:00:00Z",
            "2026-12-31T12:00:00Z, 2027-01-01T00:00:00Z"})
    void retriesAThrottledPostAtTheNextMidnightUtc(Instant now, Instant expected) {
        Retryable throttled = (Retryable) LinkedInOutcomes.of(answer(429, ""), now);

        assertThat(throttled.notBefore()).isEqualTo(expected);
    }

    @Test
    void keepsThePlatformMessage() {
        HttpAnswer revoked = answer(401, "{\"status\":401,\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\","
                + "\"message\":\"The token used in the request has been revoked by the user\"}");

        assertThat(((TokenRejected) LinkedInOutcomes.of(revoked, NOW)).message())
                .isEqualTo("The token used in the request has been revoked by the user");
    }
}
