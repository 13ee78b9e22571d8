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
import java.util.Properties;
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

    /** JBeret's job parameter deciding whether an execution marked running may be restarted. */
    static final String RESTART_MODE = "jberet.restart.mode";

    @Inject
    JobRuns runs;

    @Inject
    BatchJobs batch;

    public List<String> jobNames() {
        TreeSet<String> names = new TreeSet<>(runs.jobNames());
        names.addAll(PublishingJob.JOBS);
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

    /**
     * Restarts a FAILED or STOPPED execution only. JBeret would otherwise take an execution still
     * marked STARTED that does not run in this JVM for crashed and run it again, yet with several
     * nodes on one job repository it may be running on another node; "strict" refuses that. (Which
     * distributions get published is decided by the claims, not by the job repository, so a
     * re-run would publish nothing twice; it would only race the live execution for work.)
     *
     * @return the new execution that restart created
     */
    public JobRun restart(long executionId) {
        Properties strict = new Properties();
        strict.setProperty(RESTART_MODE, "strict");
        return refusing(executionId, id -> runs.one(batch.call(operator -> operator.restart(id, strict))));
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
