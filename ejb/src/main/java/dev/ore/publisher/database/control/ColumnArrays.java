package dev.ore.publisher.database.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Binds many rows to one statement, a column at a time: parameter <i>i</i> is a {@code text[]}
 * holding column <i>i</i> of every row, which the statement reads back as rows with
 * {@code unnest(CAST(? AS text[]), …)} and casts to the columns' types. One statement and
 * one round trip for a whole chunk, where a JDBC batch binds and sends each row on its own. Each
 * value is written as its {@code toString()} (an {@link java.time.Instant} in ISO-8601, which
 * PostgreSQL reads as {@code timestamptz}); {@code null} stays {@code NULL}.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    public static <T> void bind(PreparedStatement statement, List<T> rows, List<Function<T, ?>> columns)
            throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Function<T, ?> column = columns.get(i);
            String[] values = rows.stream().map(column).map(value -> Objects.toString(value, null))
                    .toArray(String[]::new);
            statement.setArray(i + 1, statement.getConnection().createArrayOf("text", values));
        }
    }
}
