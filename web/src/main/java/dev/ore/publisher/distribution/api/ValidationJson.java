package dev.ore.publisher.distribution.api;

import java.util.List;

/** Whether content passes one platform's rules, and what is wrong if not. */
public record ValidationJson(String platform, boolean valid, String text, List<ProblemJson> problems) {

    public record ProblemJson(String code, String message) {
    }
}
