package dev.ore.publisher.distribution.boundary;

import dev.ore.publisher.distribution.entity.DistributionStatus;
import dev.ore.publisher.platform.entity.Platform;
import java.time.Instant;

/** Which of a team's distributions to list; {@code null} means any. {@code from} inclusive, {@code to} exclusive. */
public record DistributionFilter(DistributionStatus status, Platform platform, Instant from, Instant to) {
}
