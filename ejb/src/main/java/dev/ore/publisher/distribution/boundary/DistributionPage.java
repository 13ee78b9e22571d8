package dev.ore.publisher.distribution.boundary;

import dev.ore.publisher.distribution.entity.ContentDistribution;
import java.util.List;

/** One page of a listing, with the total for the filter. */
public record DistributionPage(List<ContentDistribution> items, int page, int size, long total) {
}
