package dev.ore.publisher.admin.control;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a job execution.
 *
 * @param metrics the batch runtime's counts by name: read, write, skip (read/process/write),
 *                commit, rollback, filter
 */
public record StepRun(long id, String name, String batchStatus, String exitStatus, Instant start, Instant end,
                      Map<String, Long> metrics) {
}
