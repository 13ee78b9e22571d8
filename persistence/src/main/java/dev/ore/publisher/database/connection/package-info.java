/**
 * The server-defined datasource, injectable everywhere in the EAR. It lives in the EAR's
 * {@code lib/} so that every module (and the health checks) shares one producer and one
 * configuration file.
 */
package dev.ore.publisher.database.connection;
