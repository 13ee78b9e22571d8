/**
 * MicroProfile Health checks: whether this node is alive and whether it can serve. WildFly only
 * registers health checks of an EAR's top-level deployment, not of its ejb or web modules, so
 * they live in this {@code lib/} jar.
 */
package dev.ore.publisher.health;
