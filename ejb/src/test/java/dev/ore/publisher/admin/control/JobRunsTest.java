package dev.ore.publisher.admin.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.Metric.MetricType;
import org.junit.jupiter.api.Test;

class JobRunsTest {

    @Test
    void namesStepMetricsInCamelCaseWithoutTheCountSuffix() {
        assertThat(JobRuns.name(MetricType.READ_COUNT)).isEqualTo("read");
        assertThat(JobRuns.name(MetricType.WRITE_SKIP_COUNT)).isEqualTo("writeSkip");
        assertThat(JobRuns.name(MetricType.PROCESS_SKIP_COUNT)).isEqualTo("processSkip");
        assertThat(JobRuns.name(MetricType.ROLLBACK_COUNT)).isEqualTo("rollback");
    }
}
