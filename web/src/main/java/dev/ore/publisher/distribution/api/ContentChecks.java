package dev.ore.publisher.distribution.api;

import dev.ore.publisher.platform.control.ContentRules;
import dev.ore.publisher.platform.control.PostText;
import java.util.List;

/** The dry run behind {@code /validate}: the worker's own text composition and content rules. */
final class ContentChecks {

    private ContentChecks() {
    }

    static List<ValidationJson> check(ValidateRequest request) {
        String hashtags = Hashtags.join(request.hashtags());
        return request.platforms().stream().distinct().map(platform -> {
            String text = PostText.compose(platform, request.body(), hashtags, request.linkUrl());
            List<ValidationJson.ProblemJson> problems = ContentRules.check(platform, text).stream()
                    .map(p -> new ValidationJson.ProblemJson(p.code(), p.message()))
                    .toList();
            return new ValidationJson(platform.name(), problems.isEmpty(), text, problems);
        }).toList();
    }
}
