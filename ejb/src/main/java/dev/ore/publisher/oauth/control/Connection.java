package dev.ore.publisher.oauth.control;

import dev.ore.publisher.oauth.control.TokenGrant.Granted;

/**
 * A completed authorization: who the account is on the platform and the tokens that post for it.
 *
 * @param externalAccountId X user id, LinkedIn author URN, Facebook Page id
 */
public record Connection(String externalAccountId, String accountName, Granted tokens) {
}
