/**
 * The admin API under {@code /api/admin}, for role {@code admin} only: timers, batch executions,
 * queue, accounts needing attention, interventions on distributions, and the Prometheus metrics.
 * The console at {@code /admin/} calls nothing else.
 */
package dev.ore.publisher.admin.api;
