/** The HTTP boundary: JAX-RS resources, their JSON records and the mapping of errors to problem+json. */
package dev.ore.publisher.api;
