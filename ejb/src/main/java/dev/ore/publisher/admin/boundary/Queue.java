package dev.ore.publisher.admin.boundary;

import dev.ore.publisher.admin.control.QueueReport;
import dev.ore.publisher.admin.control.QueueState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The distribution queue of all teams, as operators watch it. */
@Stateless
public class Queue {

    @Inject
    QueueReport report;

    public QueueState now() {
        return report.now();
    }
}
