/**
 * The publishing worker's entry points: the timer that starts the batch job, the claim of due
 * distributions (and the take-over of expired leases, and the release of unsent claims), the
 * recording of outcomes, and the upkeep of the job repository.
 */
package dev.ore.publisher.publishing.boundary;
