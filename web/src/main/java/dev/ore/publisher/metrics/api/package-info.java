/** Serves the worker's meters in the Prometheus text format at {@code /api/admin/metrics}. */
package dev.ore.publisher.metrics.api;
