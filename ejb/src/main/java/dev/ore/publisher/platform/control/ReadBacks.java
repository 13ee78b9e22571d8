package dev.ore.publisher.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a platform's answer to a listing call into a {@link ReadBack}. Only a 2xx answer lists
 * posts; a 401, 403, 429 or 5xx means the platform cannot tell, never that the post is absent
 * (reconciliation.md §4).
 */
public final class ReadBacks {

    private ReadBacks() {
    }

    public static ReadBack of(HttpAnswer answer, Function<JsonObject, List<PostFound>> posts) {
        if (!answer.isSuccess()) {
            String code = answer.status() == 429 ? "read_rate_limited" : "read_refused";
            return new ReadBack.Unreadable(code, "listing posts answered HTTP " + answer.status());
        }
        JsonObject body = LenientJson.parseObject(answer.body()).orElse(Json.createObjectBuilder().build());
        return new ReadBack.Posts(posts.apply(body));
    }

    /** A listing call that produced no answer (timeout, connection failure, open circuit). */
    public static ReadBack failed(RuntimeException failure) {
        return new ReadBack.Unreadable("read_failed", "listing posts failed: " + failure.getClass().getSimpleName());
    }
}
