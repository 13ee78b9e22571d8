/** The platforms Ore Publisher speaks to, as stored values shared by every feature. */
package dev.ore.publisher.platform.entity;
