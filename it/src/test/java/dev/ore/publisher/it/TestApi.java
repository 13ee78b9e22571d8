package dev.ore.publisher.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Calls the test server's API as one team's publisher, and keeps every answer body so that tests
 * can check that no token ever came back.
 */
public final class TestApi {

    private final String bearer;
    private final List<String> bodies = new ArrayList<>();

    public TestApi(UUID team) {
        this.bearer = TestTokens.publisher(team);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(TestServer.http(path)).header("Authorization", "Bearer " + bearer).GET());
    }

    /** Without a bearer token, as a browser following a platform's redirect. */
    public HttpResponse<String> open(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(TestServer.http(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(TestServer.http(path)).header("Authorization", "Bearer " + bearer).DELETE());
    }

    public List<String> bodies() {
        return bodies;
    }

    public static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        Api.Answer answer = Api.send(request.build());
        bodies.add(answer.body());
        return answer.raw();
    }
}
