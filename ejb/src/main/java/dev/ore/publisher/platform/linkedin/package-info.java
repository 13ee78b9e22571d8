/**
 * LinkedIn Posts API: publishing client, gateway, the "little" text escaping of commentary and the
 * mapping of its answers to {@link dev.ore.publisher.platform.control.PublishOutcome}.
 */
package dev.ore.publisher.platform.linkedin;
