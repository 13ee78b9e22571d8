package dev.ore.publisher.account.api;

import dev.ore.publisher.oauth.boundary.AuthorizationStart;

/** Where the client sends its user to authorise Ore Publisher, and the state that comes back. */
public record AuthorizationJson(String authorizationUrl, String state) {

    static AuthorizationJson from(AuthorizationStart start) {
        return new AuthorizationJson(start.authorizationUrl().toString(), start.state());
    }
}
