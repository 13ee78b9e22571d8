package dev.ore.publisher.distribution.api;

import dev.ore.publisher.api.StrictJson;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** The JSON shapes of this API's request bodies, checked before binding (see {@link StrictJson}). */
final class RequestShapes {

    private RequestShapes() {
    }

    @Provider
    public static class Schedule extends StrictJson {

        private static final Map<String, Kind> SHAPE = Map.ofEntries(
                Map.entry("contentId", Kind.STRING), Map.entry("title", Kind.STRING), Map.entry("body", Kind.STRING),
                Map.entry("caption", Kind.STRING), Map.entry("hashtags", Kind.STRING_ARRAY),
                Map.entry("linkUrl", Kind.STRING), Map.entry("mediaUrl", Kind.STRING),
                Map.entry("platforms", Kind.STRING_ARRAY), Map.entry("publishOnUtc", Kind.STRING),
                Map.entry("publishOnLocal", Kind.STRING), Map.entry("timeZone", Kind.STRING),
                Map.entry("retryInterval", Kind.STRING), Map.entry("maxRetryCount", Kind.INTEGER));

        @Override
        protected Class<?> type() {
            return ScheduleRequest.class;
        }

        @Override
        protected Map<String, Kind> shape() {
            return SHAPE;
        }
    }

    @Provider
    public static class Validate extends StrictJson {

        private static final Map<String, Kind> SHAPE = Map.of("body", Kind.STRING, "hashtags", Kind.STRING_ARRAY,
                "linkUrl", Kind.STRING, "platforms", Kind.STRING_ARRAY);

        @Override
        protected Class<?> type() {
            return ValidateRequest.class;
        }

        @Override
        protected Map<String, Kind> shape() {
            return SHAPE;
        }
    }
}
