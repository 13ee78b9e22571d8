package dev.ore.publisher.publishing.control;

import dev.ore.publisher.distribution.entity.ContentDistribution;
import dev.ore.publisher.metrics.control.PublisherMetrics;
import dev.ore.publisher.platform.control.PublishOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Makes each settled transition visible outside the database: one log line on logger
 * {@value #LOGGER} named after the audit action, with distribution, team, platform, attempt,
 * outcome and error code as fields, and the matching meters. With WildFly's JSON formatter (see
 * {@code server-config/wildfly/configure-logging.cli}) the fields are the line's {@code mdc}
 * object; the message repeats them as {@code key=value} so plain-text logs can be grepped the
 * same way. Only ids, names and codes are logged: never a token, header or post text.
 */
@ApplicationScoped
public class SettlementEvents {

    static final String LOGGER = "dev.ore.publisher.events";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final boolean MDC_AVAILABLE = mdcAvailable();

    @Inject
    PublisherMetrics metrics;

    public void settled(ContentDistribution distribution, PublishAttempt attempt, String action, String errorCode) {
        String outcome = outcome(action);
        metrics.settled(distribution.getPlatform(), outcome);
        metrics.circuitBreaker(distribution.getPlatform(), attempt.outcome() instanceof PublishOutcome.Retryable r
                && "circuit_open".equals(r.code()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", action);
        fields.put("distributionId", distribution.getId().toString());
        fields.put("teamId", distribution.getTeamId().toString());
        fields.put("platform", distribution.getPlatform().name());
        fields.put("attempt", Integer.toString(attempt.task().attempt()));
        fields.put("outcome", outcome);
        if (errorCode != null) {
            fields.put("errorCode", errorCode);
        }
        log(fields);
    }

    static String outcome(String action) {
        return switch (action) {
            case "content_published" -> "published";
            case "publish_retry_scheduled" -> "retry_scheduled";
            case "content_publish_failed" -> "failed";
            case "distribution_waiting_for_account" -> "waiting_for_account";
            case "publish_outcome_unknown" -> "unknown_outcome";
            default -> action;
        };
    }

    static String message(Map<String, String> fields) {
        StringBuilder message = new StringBuilder(fields.get("event"));
        fields.forEach((key, value) -> {
            if (!key.equals("event")) {
                message.append(' ').append(key).append('=').append(value);
            }
        });
        return message.toString();
    }

    private static void log(Map<String, String> fields) {
        if (!MDC_AVAILABLE) {
            LOG.info(message(fields));
            return;
        }
        fields.forEach(org.jboss.logging.MDC::put);
        try {
            LOG.info(message(fields));
        } finally {
            fields.keySet().forEach(org.jboss.logging.MDC::remove);
        }
    }

    /** WildFly gives every deployment JBoss Logging; another server may not. */
    private static boolean mdcAvailable() {
        try {
            Class.forName("org.jboss.logging.MDC", false, SettlementEvents.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
