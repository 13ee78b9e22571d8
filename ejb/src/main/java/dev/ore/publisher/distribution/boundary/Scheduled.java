package dev.ore.publisher.distribution.boundary;

import dev.ore.publisher.distribution.entity.ContentDistribution;
import java.util.List;

/**
 * What a scheduling request created.
 *
 * @param replayed {@code true} when an earlier request with the same idempotency key created them
 */
public record Scheduled(List<ContentDistribution> distributions, boolean replayed) {
}
