/**
 * The worker's meters, kept in one Micrometer registry with Prometheus exposition. Micrometer and
 * its Prometheus registry ship in the EAR's {@code lib/}, so the figures and their names are the
 * same on every server, whatever metrics the server itself offers.
 */
package dev.ore.publisher.metrics.control;
