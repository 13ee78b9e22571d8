/** The append-only audit trail: one row for every state change Ore Publisher makes. */
package dev.ore.publisher.audit.entity;
