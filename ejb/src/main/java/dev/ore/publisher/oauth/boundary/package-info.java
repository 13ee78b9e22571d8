/**
 * The OAuth connect flow: start an authorization (state bound to the team, single-use and
 * expiring; PKCE where the platform supports it), complete it at the callback, store the account.
 */
package dev.ore.publisher.oauth.boundary;
