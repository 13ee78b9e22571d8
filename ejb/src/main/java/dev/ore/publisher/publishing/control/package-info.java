/**
 * The publishing batch job's artifacts (the recovery batchlet, reader, processor, writer) and what
 * they share: the task a claim yields, the call in flight, reconciliation (reading a post back
 * from its platform when its outcome is in doubt), and the settlement of outcomes into
 * distribution state.
 */
package dev.ore.publisher.publishing.control;
