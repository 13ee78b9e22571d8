package dev.ore.publisher.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the batch job repository small: a repository with tens of thousands of executions slows
 * deployment and start-up. Finished executions of this application's jobs are deleted after
 * {@code publisher.batch.retention}, failed or stopped ones after
 * {@code publisher.batch.failed-retention}; steps and partitions go with them (the repository's
 * foreign keys cascade), and so do instances left without executions.
 */
@ApplicationScoped
public class JobHistory {

    private static final String PURGE_EXECUTIONS = """
            DELETE FROM job_execution e
             USING job_instance i
             WHERE i.jobinstanceid = e.jobinstanceid AND i.jobname = ?
               AND ((e.batchstatus = 'COMPLETED' AND e.endtime < now() - make_interval(secs => ?))
                 OR (e.batchstatus IN ('FAILED', 'STOPPED', 'ABANDONED') AND e.endtime < now() - make_interval(secs => ?)))
            """;
    private static final String PURGE_INSTANCES = """
            DELETE FROM job_instance i
             WHERE i.jobname = ?
               AND NOT EXISTS (SELECT 1 FROM job_execution e WHERE e.jobinstanceid = i.jobinstanceid)
            """;

    @Inject
    @ConfigProperty(name = "publisher.batch.repository-jndi-name")
    String repositoryJndiName;

    @Inject
    @ConfigProperty(name = "publisher.batch.retention")
    Duration retention;

    @Inject
    @ConfigProperty(name = "publisher.batch.failed-retention")
    Duration failedRetention;

    /** @return how many executions were deleted */
    public int purge() throws SQLException, NamingException {
        DataSource repository = InitialContext.doLookup(repositoryJndiName);
        try (Connection connection = repository.getConnection();
             PreparedStatement executions = connection.prepareStatement(PURGE_EXECUTIONS);
             PreparedStatement instances = connection.prepareStatement(PURGE_INSTANCES)) {
            int deleted = 0;
            for (String job : PublishingJob.JOBS) {
                executions.setString(1, job);
                executions.setDouble(2, retention.toSeconds());
                executions.setDouble(3, failedRetention.toSeconds());
                deleted += executions.executeUpdate();
                instances.setString(1, job);
                instances.executeUpdate();
            }
            return deleted;
        }
    }
}
