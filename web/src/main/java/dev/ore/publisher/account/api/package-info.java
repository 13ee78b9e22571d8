/** The accounts API: connect through OAuth or import tokens, list and disconnect; never a token in an answer. */
package dev.ore.publisher.account.api;
