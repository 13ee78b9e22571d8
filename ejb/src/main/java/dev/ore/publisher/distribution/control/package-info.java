/**
 * Control logic for distributions: when a failed distribution gets its next attempt, and when it
 * has had its last.
 */
package dev.ore.publisher.distribution.control;
