package dev.ore.publisher.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** JDBC access to the tests' PostgreSQL database, from outside the server. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** As the application's role, on the application's database. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("test.db.url"), System.getProperty("test.db.user"),
                System.getProperty("test.db.password"));
    }

    /** As the administrative role, on the {@code postgres} database: for switching the test database on and off. */
    public static Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(System.getProperty("test.db.admin-url"),
                System.getProperty("test.db.admin-user"), System.getenv().getOrDefault("PGPASSWORD", ""));
    }

    public static String name() {
        return System.getProperty("test.db.name");
    }
}
