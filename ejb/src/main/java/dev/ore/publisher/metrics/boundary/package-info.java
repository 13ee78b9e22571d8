/** Reads the worker's meters for scraping, after refreshing those measured in the database. */
package dev.ore.publisher.metrics.boundary;
