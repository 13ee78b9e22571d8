package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The schema the deployment left in PostgreSQL: every shipped migration applied, audit rows immutable. */
@ExtendWith(ArquillianExtension.class)
class SchemaIT {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void flywayVersionIsTheLatestShippedMigration() throws SQLException {
        String latestShipped = shippedMigrationVersions().stream()
                .max(Comparator.comparing(SchemaIT::versionKey))
                .orElseThrow();

        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT version, success FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            assertThat(rows.next()).as("flyway_schema_history has a versioned row").isTrue();
            assertThat(rows.getString("version")).isEqualTo(latestShipped);
            assertThat(rows.getBoolean("success")).isTrue();
        }
    }

    @Test
    void auditLogRefusesUpdatesAndDeletes() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO audit_log (id, actor, action, entity, metadata) VALUES ('" + id
                    + "', 'schema-it', 'probe', 'nothing', '{}')");

            assertThatThrownBy(() -> sql.executeUpdate("UPDATE audit_log SET action = 'changed' WHERE id = '" + id + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_log WHERE id = '" + id + "'"))
                    .hasMessageContaining("append-only");
            try (ResultSet row = sql.executeQuery("SELECT action FROM audit_log WHERE id = '" + id + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("probe");
            }
        }
    }

    /** WildFly's JBeret repository; Payara's JBatch keeps its own (src/docs/payara.md). */
    @Test
    @Tag("wildfly")
    void batchJobRepositoryLivesInItsOwnSchema() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table_schema FROM information_schema.tables "
                     + "WHERE lower(table_name) = 'job_execution'")) {
            assertThat(rows.next()).as("JBeret created its tables").isTrue();
            assertThat(rows.getString(1)).isEqualTo("jberet");
        }
    }

    private static List<String> shippedMigrationVersions() {
        JavaArchive persistence = Deployments.ear().getAsType(JavaArchive.class,
                ArchivePaths.create("lib/ore-publisher-persistence.jar"));
        return persistence.getContent().keySet().stream()
                .map(path -> path.get())
                .filter(path -> path.startsWith("/db/migration/"))
                .map(path -> MIGRATION.matcher(path.substring("/db/migration/".length())))
                .filter(Matcher::matches)
                .map(m -> m.group(1).replace('_', '.'))
                .toList();
    }

    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%010d", Long.parseLong(part)));
        }
        return key.toString();
    }
}
