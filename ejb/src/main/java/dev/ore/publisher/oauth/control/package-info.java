/**
 * OAuth with each platform: authorization URLs, code exchange, refresh and revocation, behind one
 * SPI ({@link dev.ore.publisher.oauth.control.OAuthPlatform}) that speaks in {@link
 * dev.ore.publisher.oauth.control.TokenGrant}s. No class here logs or returns a token in a message.
 */
package dev.ore.publisher.oauth.control;
