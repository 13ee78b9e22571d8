package dev.ore.publisher.platform.meta;

import dev.ore.publisher.platform.control.LenientJson;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Reads Meta's {@code X-Business-Use-Case-Usage} header:
 * {@code {"<page-id>":[{"type":"pages",…,"estimated_time_to_regain_access":N}]}}, N in minutes.
 */
final class BusinessUseCaseUsage {

    static final String HEADER = "X-Business-Use-Case-Usage";

    private BusinessUseCaseUsage() {
    }

    /** The longest wait any entry announces, when one announces a wait at all. */
    static OptionalLong minutesToRegainAccess(String headerValue) {
        return LenientJson.parseObject(headerValue).stream()
                .flatMap(usage -> usage.keySet().stream().flatMap(key -> LenientJson.objects(usage, key).stream()))
                .map(BusinessUseCaseUsage::minutes)
                .filter(Objects::nonNull)
                .mapToLong(Long::longValue)
                .filter(minutes -> minutes > 0)
                .max();
    }

    private static Long minutes(JsonObject entry) {
        return LenientJson.number(entry, "estimated_time_to_regain_access").orElse(null);
    }
}
