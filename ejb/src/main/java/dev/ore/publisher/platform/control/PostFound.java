package dev.ore.publisher.platform.control;

import java.time.Instant;

/**
 * One post as a platform lists it, its text already decoded from the platform's read-back form
 * (X's t.co links expanded and HTML entities unescaped, LinkedIn's little-text escapes removed).
 */
public record PostFound(String id, String text, Instant createdAt) {
}
