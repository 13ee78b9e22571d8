package dev.ore.publisher.distribution.api;

import dev.ore.publisher.distribution.boundary.DistributionPage;
import java.util.List;

/** One page of distributions. */
public record DistributionPageJson(List<DistributionJson> items, int page, int size, long total) {

    static DistributionPageJson from(DistributionPage page) {
        return new DistributionPageJson(page.items().stream().map(DistributionJson::from).toList(), page.page(),
                page.size(), page.total());
    }
}
