package dev.ore.publisher.platform.control;

import java.util.List;
import java.util.Optional;

/**
 * One page of an account's listed posts.
 *
 * @param next what asks for the following page (X's {@code next_token}, Meta's {@code after}
 *             cursor, LinkedIn's next {@code start}); empty on the last page
 */
public record PostPage(List<PostFound> posts, Optional<String> next) {

    public PostPage {
        posts = List.copyOf(posts);
    }
}
