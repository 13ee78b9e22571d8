package dev.ore.publisher.platform.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds platform answers for tests: a status, a body and header pairs. */
public final class Answers {

    private Answers() {
    }

    public static HttpAnswer answer(int status, String body, String... headerNamesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            headers.put(headerNamesAndValues[i], List.of(headerNamesAndValues[i + 1]));
        }
        return new HttpAnswer(status, headers, body);
    }
}
