/**
 * Account tokens as the worker uses them: sealed at rest with AES-256-GCM ({@link
 * dev.ore.publisher.account.control.TokenKeyring}), opened only to call a platform
 * ({@link dev.ore.publisher.account.control.AccessTokens}).
 */
package dev.ore.publisher.account.control;
