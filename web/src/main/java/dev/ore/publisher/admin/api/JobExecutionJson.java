package dev.ore.publisher.admin.api;

import dev.ore.publisher.admin.control.JobRun;
import dev.ore.publisher.admin.control.StepRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job execution with its steps and their metrics (read, write, skip, commit, rollback counts). */
public record JobExecutionJson(long id, long instanceId, String jobName, String batchStatus, String exitStatus,
                               Instant created, Instant start, Instant end, Map<String, String> parameters,
                               List<StepJson> steps) {

    public record StepJson(long id, String name, String batchStatus, String exitStatus, Instant start, Instant end,
                           Map<String, Long> metrics) {

        static StepJson from(StepRun step) {
            return new StepJson(step.id(), step.name(), step.batchStatus(), step.exitStatus(), step.start(),
                    step.end(), step.metrics());
        }
    }

    static JobExecutionJson from(JobRun run) {
        return new JobExecutionJson(run.id(), run.instanceId(), run.jobName(), run.batchStatus(), run.exitStatus(),
                run.created(), run.start(), run.end(), run.parameters(),
                run.steps().stream().map(StepJson::from).toList());
    }
}
