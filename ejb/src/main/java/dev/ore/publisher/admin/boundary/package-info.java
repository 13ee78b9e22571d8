/**
 * The operators' entry points: the worker's timers, the batch job executions (through the
 * server's {@code JobOperator}, so they are the same ones the server's own console shows), the
 * queue, accounts that need their owners, and interventions on single distributions across teams.
 * Every change an operator makes to a distribution is audited with the operator as actor.
 */
package dev.ore.publisher.admin.boundary;
