package dev.ore.publisher.oauth.boundary;

import java.net.URI;

/** Where to send the user, and the state the callback will bring back. */
public record AuthorizationStart(URI authorizationUrl, String state) {
}
