/**
 * The publishing batch job's artifacts (reader, processor, writer) and what they share: the task
 * a claim yields, the call in flight, and the settlement of outcomes into distribution state.
 */
package dev.ore.publisher.publishing.control;
