/** The schema, migrated by Flyway and validated by Hibernate before anything else touches the database. */
package dev.ore.publisher.database.boundary;
