package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ore.publisher.it.Api.Answer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every client endpoint refuses callers without a valid token or the right role, and never shows
 * one team another team's distributions (they answer exactly like unknown ids).
 */
@ExtendWith(ArquillianExtension.class)
class ApiSecurityIT {

    private final TestData owner = new TestData();
    private final TestData stranger = new TestData();
    private String ownersDistribution;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    record Call(String name, Function<String, HttpRequest> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Call> endpoints() {
        String body = "{\"title\":\"T\",\"body\":\"B\",\"platforms\":[\"X\"],\"publishOnUtc\":\"2031-01-01T00:00:00Z\"}";
        return List.of(
                new Call("schedule", path -> post("/publishing/distributions", body)),
                new Call("list", path -> Api.request("/publishing/distributions", null).GET().build()),
                new Call("status", id -> Api.request("/publishing/status/" + id, null).GET().build()),
                new Call("cancel", id -> post("/publishing/distributions/" + id + "/cancel", "")),
                new Call("retry", id -> post("/publishing/distributions/" + id + "/retry", "")),
                new Call("validate", path -> post("/publishing/validate", "{\"body\":\"b\",\"platforms\":[\"X\"]}")));
    }

    @BeforeEach
    void ownerSchedulesSomething() throws Exception {
        owner.account("X", "2244994945", "x-token");
        ownersDistribution = Api.post("/publishing/distributions", TestTokens.publisher(owner.team()),
                "{\"title\":\"Mine\",\"body\":\"Secret plans\",\"platforms\":[\"X\"],\"publishOnUtc\":\"2031-01-01T00:00:00Z\"}")
                .array().getJsonObject(0).getString("id");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void withoutATokenTheAnswerIs401ProblemJson(Call call) {
        Answer answer = Api.send(call.request().apply(ownersDistribution));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anExpiredTokenIsRefused(Call call) {
        assertRefused(call, TestTokens.expired(owner.team()), 401);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aTokenSignedByAnUnknownKeyIsRefused(Call call) {
        assertRefused(call, TestTokens.signedByUnknownKey(owner.team()), 401);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aTokenWithoutThePublisherRoleIsForbidden(Call call) {
        assertRefused(call, TestTokens.withRole(owner.team(), "viewer"), 403);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aTokenWithoutATeamIsForbidden(Call call) {
        assertRefused(call, TestTokens.withoutTeam(), 403);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anotherTeamsIdsAnswerLikeUnknownOnesAndNothingLeaks(Call call) {
        String strangerToken = TestTokens.publisher(stranger.team());
        Answer foreign = Api.send(withToken(call.request().apply(ownersDistribution), strangerToken));
        Answer unknown = Api.send(withToken(call.request().apply(UUID.randomUUID().toString()), strangerToken));

        assertThat(foreign.body()).doesNotContain("Secret plans", "Mine");
        assertThat(foreign.status()).isEqualTo(unknown.status());
        if (call.name().equals("status") || call.name().equals("cancel") || call.name().equals("retry")) {
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.json().getString("detail")).isEqualTo(
                    unknown.json().getString("detail").replaceAll("[0-9a-f-]{36}", ownersDistribution));
        }
        if (call.name().equals("list")) {
            assertThat(foreign.json().getInt("total")).isZero();
        }
        assertThat(Api.get("/publishing/status/" + ownersDistribution, TestTokens.publisher(owner.team()))
                .json().getString("status")).isEqualTo("SCHEDULED");
    }

    private void assertRefused(Call call, String token, int status) {
        Answer answer = Api.send(withToken(call.request().apply(ownersDistribution), token));

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Secret plans");
    }

    private static HttpRequest post(String path, String json) {
        return Api.request(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest withToken(HttpRequest request, String token) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + token).build();
    }
}
