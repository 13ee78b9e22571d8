/** Helpers for statements written straight in SQL where Hibernate's per-row work is too dear. */
package dev.ore.publisher.database.control;
