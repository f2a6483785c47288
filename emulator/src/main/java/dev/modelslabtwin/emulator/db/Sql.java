package dev.modelslabtwin.emulator.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC without the ceremony, and the only way the emulator talks to its database outside this
 * package: positional parameters ({@link Instant} becomes a timestamp, null is SQL NULL), rows mapped
 * by a lambda, and failures as the unchecked {@link DatabaseException} (a failing statement is never
 * the client's mistake). Every call runs on the caller's connection, so it joins the caller's transaction.
 */
public final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row);
    }

    private Sql() {
    }

    /** Runs an INSERT, UPDATE or DELETE; how many rows it touched. */
    public static int update(Connection db, String sql, Object... parameters) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Runs an INSERT into a table with an identity column; the generated id. */
    public static long insert(Connection db, String sql, Object... parameters) {
        try (PreparedStatement statement = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public static <T> List<T> list(Connection db, String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                Row row = new Row(result);
                while (result.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** The first row, if any (empty too when the row maps to null, e.g. a NULL column). */
    public static <T> Optional<T> one(Connection db, String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = list(db, sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** A single numeric value, e.g. {@code SELECT COUNT(*)} or {@code SELECT SUM(amount)}; zero when null. */
    public static BigDecimal number(Connection db, String sql, Object... parameters) {
        return one(db, sql, row -> row.getBigDecimal(1), parameters).map(n -> n == null ? BigDecimal.ZERO : n)
                .orElse(BigDecimal.ZERO);
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof Enum<?> e) {
                statement.setString(i + 1, e.toString());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
