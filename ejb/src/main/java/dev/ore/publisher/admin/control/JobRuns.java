package dev.ore.publisher.admin.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import dev.ore.publisher.publishing.boundary.BatchJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads job executions from the server's job repository through {@link JobOperator}, the same
 * view the server's management console has (through {@link BatchJobs}, which Payara requires).
 */
@ApplicationScoped
public class JobRuns {

    @Inject
    BatchJobs batch;

    public List<String> jobNames() {
        return batch.call(JobOperator::getJobNames).stream().sorted().toList();
    }

    /** The job's latest executions, newest first; restarts are executions of the same instance. */
    public List<JobRun> latest(String jobName, int limit) {
        List<JobInstance> instances;
        try {
            instances = batch.call(operator -> operator.getJobInstances(jobName, 0, limit));
        } catch (NoSuchJobException e) {
            return List.of();
        }
        return instances.stream()
                .flatMap(instance -> batch.call(operator -> operator.getJobExecutions(instance)).stream()
                        .map(execution -> run(instance, execution)))
                .sorted(Comparator.comparingLong(JobRun::id).reversed())
                .limit(limit)
                .toList();
    }

    /** @throws jakarta.batch.operations.NoSuchJobExecutionException when the id is unknown */
    public JobRun one(long executionId) {
        JobInstance instance = batch.call(operator -> operator.getJobInstance(executionId));
        return run(instance, batch.call(operator -> operator.getJobExecution(executionId)));
    }

    private JobRun run(JobInstance instance, JobExecution execution) {
        List<StepRun> steps = batch.call(operator -> operator.getStepExecutions(execution.getExecutionId())).stream()
                .map(JobRuns::step)
                .sorted(Comparator.comparingLong(StepRun::id))
                .toList();
        return new JobRun(execution.getExecutionId(), instance.getInstanceId(), execution.getJobName(),
                String.valueOf(execution.getBatchStatus()), execution.getExitStatus(),
                instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()),
                parameters(execution.getJobParameters()), steps);
    }

    private static StepRun step(StepExecution step) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        Stream.of(step.getMetrics() == null ? new Metric[0] : step.getMetrics())
                .sorted(Comparator.comparing(metric -> metric.getType().ordinal()))
                .forEach(metric -> metrics.put(name(metric.getType()), metric.getValue()));
        return new StepRun(step.getStepExecutionId(), step.getStepName(), String.valueOf(step.getBatchStatus()),
                step.getExitStatus(), instant(step.getStartTime()), instant(step.getEndTime()), metrics);
    }

    /** {@code READ_SKIP_COUNT} → {@code readSkip}: the names the JSON and the console use. */
    static String name(Metric.MetricType type) {
        String[] words = type.name().replace("_COUNT", "").toLowerCase().split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static Map<String, String> parameters(Properties properties) {
        Map<String, String> parameters = new TreeMap<>();
        if (properties != null) {
            properties.stringPropertyNames().forEach(key -> parameters.put(key, properties.getProperty(key)));
        }
        return parameters;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

}
