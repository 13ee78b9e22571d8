/**
 * Connected accounts as the team and the operator see them: importing tokens, listing,
 * disconnecting, refreshing under a row lock, re-encrypting to the active key.
 */
package dev.ore.publisher.account.boundary;
