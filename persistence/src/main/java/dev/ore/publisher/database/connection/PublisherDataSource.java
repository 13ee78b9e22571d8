package dev.ore.publisher.database.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the server-defined datasource injectable. Its JNDI name is configuration because servers
 * bind it differently (WildFly {@code java:/jdbc/publisher}, Payara {@code jdbc/publisher}).
 */
@ApplicationScoped
public class PublisherDataSource {

    @Inject
    @ConfigProperty(name = "publisher.database.jndi-name")
    String jndiName;

    @Produces
    DataSource dataSource() {
        try {
            return InitialContext.doLookup(jndiName);
        } catch (NamingException e) {
            throw new IllegalStateException("no datasource is bound at " + jndiName
                    + " (set publisher.database.jndi-name to the server's name for it)", e);
        }
    }
}
