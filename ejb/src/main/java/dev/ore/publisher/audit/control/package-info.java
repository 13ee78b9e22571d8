/** Writing the audit trail: one row for every transition, in the transaction that makes it. */
package dev.ore.publisher.audit.control;
