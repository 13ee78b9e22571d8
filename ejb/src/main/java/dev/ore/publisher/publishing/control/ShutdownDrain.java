package dev.ore.publisher.publishing.control;

import dev.ore.publisher.publishing.boundary.BatchJobs;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a node does on undeploy or SIGTERM, once it starts no more executions: asks its running
 * executions to stop after their current chunk, waits for them at most
 * {@code publisher.worker.shutdown-wait} (their calls in flight finish and are recorded), then
 * gives back every claim whose post was never sent ({@link UnsentClaims}). A call still in flight after the wait keeps its
 * claim: its outcome is unknown, and recovery reads it back once the lease has run out.
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class.getName());
    @Inject
    HeldClaims held;

    @Inject
    PublishingJob jobs;

    @Inject
    BatchJobs batch;

    @Inject
    NodeIdentity node;

    @Inject
    UnsentClaims unsentClaims;

    @Inject
    @ConfigProperty(name = "publisher.worker.shutdown-wait")
    Duration patience;

    public void drain() {
        try {
            List<Long> running = jobs.running();
            running.forEach(this::stop);
            Instant deadline = Instant.now().plus(patience);
            while (Instant.now().isBefore(deadline) && running.stream().anyMatch(jobs::isRunning)) {
                pause();
            }
        } catch (RuntimeException batchRuntimeGone) {
            // Undeploy without a suspend first: WildFly has stopped the executions itself.
            LOG.warning(() -> "The batch runtime stopped before this node's executions could be waited for ("
                    + batchRuntimeGone.getClass().getSimpleName() + "); calls in flight are read back after their lease."
                    + " Suspend the server before stopping it to let them finish.");
        }
        int released = releaseUnsent();
        int inFlight = held.snapshot().size();
        LOG.info(() -> "Stopped publishing on " + node.name() + ": " + released + " unsent claims given back, "
                + inFlight + " calls still in flight (read back after their lease)");
    }

    private int releaseUnsent() {
        Set<UUID> unsent = held.unsent();
        if (unsent.isEmpty()) {
            return 0;
        }
        try {
            int count = unsentClaims.giveBack(unsent);
            held.letGo(unsent);
            return count;
        } catch (SQLException e) {
            LOG.warning(() -> "Giving back " + unsent.size() + " unsent claims failed (" + e.getSQLState()
                    + "); their leases run out and recovery takes them");
            return 0;
        }
    }

    private void stop(long executionId) {
        try {
            batch.call(operator -> {
                operator.stop(executionId);
                return null;
            });
        } catch (JobExecutionNotRunningException e) {
            // Ended meanwhile.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
