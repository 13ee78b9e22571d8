package dev.ore.publisher.metrics.boundary;

import dev.ore.publisher.admin.control.QueueReport;
import dev.ore.publisher.metrics.control.PublisherMetrics;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** A scrape: the backlog age is measured on the database clock at that moment, the rest was counted as it happened. */
@Stateless
public class Metrics {

    @Inject
    PublisherMetrics metrics;

    @Inject
    QueueReport queue;

    public String scrape() {
        metrics.backlogAge(queue.oldestDueAge());
        return metrics.scrape();
    }
}
