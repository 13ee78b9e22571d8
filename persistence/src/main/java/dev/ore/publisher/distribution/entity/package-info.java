/** Scheduled distributions of content to a platform, with the state the worker claims, retries and settles. */
package dev.ore.publisher.distribution.entity;
