/**
 * Meta Graph API (Facebook Pages): publishing client, gateway and the mapping of its answers to
 * {@link dev.ore.publisher.platform.control.PublishOutcome}.
 */
package dev.ore.publisher.platform.meta;
