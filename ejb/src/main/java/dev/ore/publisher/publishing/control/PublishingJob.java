package dev.ore.publisher.publishing.control;

import dev.ore.publisher.publishing.boundary.BatchJobs;
import dev.ore.publisher.publishing.boundary.Claims;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the batch job {@value #NAME} when there is work and this node is not already running it.
 * Checking first keeps an idle system from adding an execution to the job repository every poll.
 */
@ApplicationScoped
public class PublishingJob {

    public static final String NAME = "publish-due-distributions";

    private static final Logger LOG = Logger.getLogger(PublishingJob.class.getName());
    private static final Set<BatchStatus> ACTIVE = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING);

    @Inject
    Claims claims;

    @Inject
    BatchJobs batch;

    @Inject
    @ConfigProperty(name = "publisher.worker.partitions")
    int partitions;

    @Inject
    @ConfigProperty(name = "publisher.worker.chunk-size")
    int chunkSize;

    @Inject
    @ConfigProperty(name = "publisher.worker.lease")
    Duration lease;

    private volatile Long lastExecutionId;

    /** @return the new execution's id, or {@code null} when nothing was started */
    public synchronized Long startIfDue() {
        if (isRunning() || !claims.anyDue()) {
            return null;
        }
        return start();
    }

    /** Starts an execution whether or not one is running (operators' "run now"; concurrency is safe). */
    public long start() {
        Properties parameters = new Properties();
        parameters.setProperty("partitions", Integer.toString(partitions));
        parameters.setProperty("chunkSize", Integer.toString(chunkSize));
        parameters.setProperty("lease", lease.toString());
        long id = batch.call(operator -> operator.start(NAME, parameters));
        lastExecutionId = id;
        LOG.fine(() -> "Started " + NAME + " execution " + id);
        return id;
    }

    /** Whether the execution this node started last is still going. */
    public boolean isRunning() {
        Long id = lastExecutionId;
        return id != null && ACTIVE.contains(batch.call(operator -> operator.getJobExecution(id)).getBatchStatus());
    }

    public Optional<Long> lastExecutionId() {
        return Optional.ofNullable(lastExecutionId);
    }
}
