/**
 * The publishing worker's entry points: the timer that starts the batch job, the claim of due
 * distributions, the recording of outcomes, and the upkeep of the job repository.
 */
package dev.ore.publisher.publishing.boundary;
