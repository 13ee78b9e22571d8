package dev.ore.publisher.it;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The one place tests get their deployment from: the EAR the build produced, unchanged. */
public final class Deployments {

    private Deployments() {
    }

    /** The shipped EAR, for tests that talk to it from outside (HTTP, JDBC, management). */
    public static EnterpriseArchive ear() {
        String path = System.getProperty("ear.file");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property ear.file must name the built EAR, found " + path
                    + "; run the tests through Maven (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
    }

    /**
     * The shipped EAR plus a library jar holding the in-container test classes and AssertJ; test
     * classes in {@code lib/} see the persistence unit and the entities.
     */
    public static EnterpriseArchive earWithTests(Class<?>... testClasses) {
        JavaArchive tests = ShrinkWrap.create(JavaArchive.class, "in-container-tests.jar").addClasses(testClasses);
        return ear()
                .addAsLibrary(tests)
                .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type, e);
        }
    }
}
