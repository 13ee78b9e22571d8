package dev.ore.publisher.metrics.control;

import dev.ore.publisher.publishing.boundary.BatchJobs;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Job listener of publish-due-distributions: records each execution's duration and how many
 * distributions its steps claimed (their read count, partitions included).
 */
@Named
@Dependent
public class ExecutionMetrics implements JobListener {

    @Inject
    JobContext job;

    @Inject
    PublisherMetrics metrics;

    @Inject
    BatchJobs batch;

    @Override
    public void beforeJob() {
        // Nothing to measure yet; the execution's own start time is used afterwards.
    }

    @Override
    public void afterJob() {
        JobExecution execution = batch.call(operator -> operator.getJobExecution(job.getExecutionId()));
        Instant start = execution.getStartTime() == null ? Instant.now() : execution.getStartTime().toInstant();
        long claimed = batch.call(operator -> operator.getStepExecutions(job.getExecutionId())).stream()
                .flatMap(step -> Stream.of(step.getMetrics() == null ? new Metric[0] : step.getMetrics()))
                .filter(metric -> metric.getType() == Metric.MetricType.READ_COUNT)
                .mapToLong(Metric::getValue)
                .sum();
        metrics.jobExecuted(Duration.between(start, Instant.now()), claimed);
    }
}
