package dev.ore.publisher.publishing.control;

import dev.ore.publisher.publishing.boundary.BatchJobs;
import dev.ore.publisher.publishing.boundary.Claims;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts this node's batch jobs when there is work for them and the node is not already running
 * them: {@value #NAME} when distributions are due, {@value #RECONCILE} when outcomes are unknown
 * (expired leases, due re-checks). The two run side by side, so a dead node's rows are read back
 * while a long backlog is still being published. Checking first keeps an idle system from adding
 * an execution to the job repository every poll.
 */
@ApplicationScoped
public class PublishingJob {

    public static final String NAME = "publish-due-distributions";
    public static final String RECONCILE = "reconcile-distributions";
    public static final List<String> JOBS = List.of(NAME, RECONCILE);

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
    private volatile Long lastReconciliationId;

    /** Every execution this node started that may still run ("run now" can add to a running one). */
    private final Set<Long> started = ConcurrentHashMap.newKeySet();

    /** @return the new execution's id, or {@code null} when nothing was started */
    public synchronized Long startIfDue() {
        if (isRunning(lastExecutionId) || !claims.anyDue()) {
            return null;
        }
        return start();
    }

    /** @return the new reconciliation execution's id, or {@code null} when nothing was started */
    public synchronized Long reconcileIfNeeded() {
        if (isRunning(lastReconciliationId) || !claims.anyToReconcile()) {
            return null;
        }
        long id = batch.call(operator -> operator.start(RECONCILE, parameters()));
        lastReconciliationId = id;
        remember(id);
        LOG.fine(() -> "Started " + RECONCILE + " execution " + id);
        return id;
    }

    /** Starts an execution whether or not one is running (operators' "run now"; concurrency is safe). */
    public long start() {
        long id = batch.call(operator -> operator.start(NAME, parameters()));
        lastExecutionId = id;
        remember(id);
        LOG.fine(() -> "Started " + NAME + " execution " + id);
        return id;
    }

    /** Whether the publishing execution this node started last is still going. */
    public boolean isRunning() {
        return isRunning(lastExecutionId);
    }

    public Optional<Long> lastExecutionId() {
        return Optional.ofNullable(lastExecutionId);
    }

    /**
     * Keeps the ids of executions that may still run, and only those: without the pruning the set
     * would grow by one id per execution for the node's whole life (one every poll while busy).
     */
    private void remember(long executionId) {
        started.removeIf(id -> !isRunning(id));
        started.add(executionId);
    }

    /** This node's executions, of either job, that have not ended. */
    public List<Long> running() {
        started.removeIf(id -> !isRunning(id));
        return List.copyOf(started);
    }

    private Properties parameters() {
        Properties parameters = new Properties();
        parameters.setProperty("partitions", Integer.toString(partitions));
        parameters.setProperty("chunkSize", Integer.toString(chunkSize));
        parameters.setProperty("lease", lease.toString());
        return parameters;
    }

    /** Whether the execution has not ended (starting, started, or stopping). */
    public boolean isRunning(Long executionId) {
        return executionId != null
                && ACTIVE.contains(batch.call(operator -> operator.getJobExecution(executionId)).getBatchStatus());
    }
}
