/**
 * The platform sandbox's WireMock extension, shared by the tests' embedded WireMock and the
 * standalone sandbox of the run command, the benchmark and the chaos run: it remembers the posts
 * it created, answers the platforms' listing calls from them, and injects a configurable mix of
 * platform faults into create calls.
 */
package dev.ore.publisher.sandbox;
