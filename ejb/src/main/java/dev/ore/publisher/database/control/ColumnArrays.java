package dev.ore.publisher.database.control;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Runs one statement for many rows, bound a column at a time: parameter <i>i</i> is a
 * {@code text[]} holding column <i>i</i> of every row, which the statement reads back as rows with
 * {@code unnest(CAST(? AS text[]), …)} and casts to the columns' types. One statement and
 * one round trip for a whole chunk, where a JDBC batch binds and sends each row on its own. Each
 * value is written as its {@code toString()} (an {@link java.time.Instant} in ISO-8601, which
 * PostgreSQL reads as {@code timestamptz}); {@code null} stays {@code NULL}.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /**
     * Runs {@code sql} on the persistence context's own connection, so it joins the caller's
     * transaction and sees (and is seen by) what the context has flushed.
     *
     * @return the rows the statement changed
     */
    public static <T> int execute(EntityManager em, String sql, List<T> rows, List<Function<T, ?>> columns) {
        if (rows.isEmpty()) {
            return 0;
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    statement.setArray(i + 1, textArray(connection, rows, columns.get(i)));
                }
                return statement.executeUpdate();
            }
        });
    }

    private static <T> Array textArray(Connection connection, List<T> rows, Function<T, ?> column)
            throws SQLException {
        return connection.createArrayOf("text",
                rows.stream().map(column).map(value -> Objects.toString(value, null)).toArray(String[]::new));
    }
}
