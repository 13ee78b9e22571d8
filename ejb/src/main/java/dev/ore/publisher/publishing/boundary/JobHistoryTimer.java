package dev.ore.publisher.publishing.boundary;

import dev.ore.publisher.publishing.control.JobHistory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code publisher.batch.purge-interval} purges old executions from the job repository.
 * The purge speaks JBeret's JDBC repository schema (WildFly); on a server with another batch
 * runtime {@code publisher.batch.purge-enabled=false} leaves the repository to that server's tools.
 */
@Singleton
@Startup
public class JobHistoryTimer {

    private static final Logger LOG = Logger.getLogger(JobHistoryTimer.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "publisher.batch.purge-interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "publisher.batch.purge-enabled")
    boolean enabled;

    @Inject
    JobHistory history;

    @PostConstruct
    void schedule() {
        if (!enabled) {
            LOG.info("Job repository purge is off (publisher.batch.purge-enabled=false)");
            return;
        }
        timerService.createIntervalTimer(Duration.ofMinutes(1).toMillis(), interval.toMillis(),
                new TimerConfig("purge-job-history", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purgeOldExecutions() {
        try {
            int deleted = history.purge();
            if (deleted > 0) {
                LOG.info(() -> "Purged " + deleted + " old job executions from the job repository");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Purging the job repository failed; will try again", e);
        }
    }
}
