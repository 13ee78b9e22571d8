/** The client API for distributions: schedule, follow, list, cancel, retry, validate. */
package dev.ore.publisher.distribution.api;
