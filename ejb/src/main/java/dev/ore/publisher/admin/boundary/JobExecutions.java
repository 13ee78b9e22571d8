package dev.ore.publisher.admin.boundary;

import dev.ore.publisher.admin.control.JobRun;
import dev.ore.publisher.admin.control.JobRuns;
import dev.ore.publisher.problem.boundary.Refusal;
import dev.ore.publisher.publishing.boundary.BatchJobs;
import dev.ore.publisher.publishing.control.PublishingJob;
import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Batch job executions through the server's {@code JobOperator}: list with steps and metrics,
 * stop, restart, abandon. The job XML lives in this module, so restarts are issued from here.
 * The batch runtime's refusals become conflicts an operator can read.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobExecutions {

    @Inject
    JobRuns runs;

    @Inject
    BatchJobs batch;

    public List<String> jobNames() {
        TreeSet<String> names = new TreeSet<>(runs.jobNames());
        names.add(PublishingJob.NAME);
        return List.copyOf(names);
    }

    public List<JobRun> latest(String jobName, int limit) {
        return runs.latest(jobName, limit);
    }

    public JobRun find(long executionId) {
        return refusing(executionId, runs::one);
    }

    public JobRun stop(long executionId) {
        return refusing(executionId, id -> {
            batch.call(operator -> {
                operator.stop(id);
                return null;
            });
            return runs.one(id);
        });
    }

    /** @return the new execution that restart created */
    public JobRun restart(long executionId) {
        return refusing(executionId, id -> runs.one(batch.call(operator -> operator.restart(id, null))));
    }

    public JobRun abandon(long executionId) {
        return refusing(executionId, id -> {
            batch.call(operator -> {
                operator.abandon(id);
                return null;
            });
            return runs.one(id);
        });
    }

    private static JobRun refusing(long executionId, LongFunction<JobRun> operation) {
        try {
            return operation.apply(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw Refusal.notFound("Job execution", executionId);
        } catch (JobExecutionNotRunningException e) {
            throw Refusal.conflict("Job execution " + executionId + " is not running, so it cannot be stopped");
        } catch (JobExecutionIsRunningException e) {
            throw Refusal.conflict("Job execution " + executionId + " is still running; stop it first");
        } catch (JobExecutionAlreadyCompleteException e) {
            throw Refusal.conflict("Job execution " + executionId + " completed; there is nothing to restart");
        } catch (JobExecutionNotMostRecentException e) {
            throw Refusal.conflict("Job execution " + executionId
                    + " is not its instance's latest execution; restart the latest one");
        } catch (JobRestartException e) {
            throw Refusal.conflict("Job execution " + executionId + " cannot be restarted (abandoned or not restartable)");
        } catch (BatchRuntimeException e) {
            throw Refusal.conflict("The batch runtime refused the operation on job execution " + executionId);
        }
    }
}
