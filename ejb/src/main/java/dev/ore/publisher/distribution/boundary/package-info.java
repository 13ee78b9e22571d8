/** A team's distributions as clients see them: schedule, read, list, cancel, retry. */
package dev.ore.publisher.distribution.boundary;
