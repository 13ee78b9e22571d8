package dev.ore.publisher.database.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the database schema to the version this build expects before anything else uses it,
 * then has Hibernate validate every mapped entity against the migrated schema. Either failing
 * fails the deployment, so a node never runs against a schema it does not understand.
 *
 * <p>Flyway takes a PostgreSQL advisory lock while migrating, so nodes that start together
 * migrate once. Other startup beans declare {@code @DependsOn("SchemaMigration")}.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Inject
    DataSource dataSource;

    @PersistenceUnit(unitName = "publisher")
    EntityManagerFactory entityManagerFactory;

    private String schemaVersion;

    @PostConstruct
    void migrateAndValidate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }

    public String schemaVersion() {
        return schemaVersion;
    }
}
