package dev.ore.publisher.publishing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettlementEventsTest {

    @Test
    void namesTheOutcomeOfEachAuditAction() {
        assertThat(SettlementEvents.outcome("content_published")).isEqualTo("published");
        assertThat(SettlementEvents.outcome("publish_retry_scheduled")).isEqualTo("retry_scheduled");
        assertThat(SettlementEvents.outcome("content_publish_failed")).isEqualTo("failed");
        assertThat(SettlementEvents.outcome("distribution_waiting_for_account")).isEqualTo("waiting_for_account");
    }

    @Test
    void messageStartsWithTheEventAndRepeatsTheFieldsAsKeyValuePairs() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", "content_publish_failed");
        fields.put("distributionId", "d1");
        fields.put("platform", "X");
        fields.put("attempt", "2");

        assertThat(SettlementEvents.message(fields))
                .isEqualTo("content_publish_failed distributionId=d1 platform=X attempt=2");
    }
}
