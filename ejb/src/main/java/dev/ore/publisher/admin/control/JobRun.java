package dev.ore.publisher.admin.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One execution of a batch job, with its steps. */
public record JobRun(long id, long instanceId, String jobName, String batchStatus, String exitStatus,
                     Instant created, Instant start, Instant end, Map<String, String> parameters,
                     List<StepRun> steps) {
}
