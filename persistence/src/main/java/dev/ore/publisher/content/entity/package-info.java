/** The text, link and media a team writes once and distributes to its platforms. */
package dev.ore.publisher.content.entity;
