package dev.modelslabtwin.emulator.db;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The current row of a query, read without checked exceptions: a failure to read is the database's,
 * never the caller's, so it surfaces as a {@link DatabaseException}. The getters keep JDBC's names and
 * semantics (a NULL number reads as 0 through {@link #getLong}; use {@link #getObject} to tell).
 */
public final class Row {

    private final ResultSet result;

    Row(ResultSet result) {
        this.result = result;
    }

    public String getString(String column) {
        return read(() -> result.getString(column));
    }

    public String getString(int column) {
        return read(() -> result.getString(column));
    }

    public BigDecimal getBigDecimal(String column) {
        return read(() -> result.getBigDecimal(column));
    }

    public BigDecimal getBigDecimal(int column) {
        return read(() -> result.getBigDecimal(column));
    }

    public long getLong(String column) {
        return read(() -> result.getLong(column));
    }

    public long getLong(int column) {
        return read(() -> result.getLong(column));
    }

    public int getInt(String column) {
        return read(() -> result.getInt(column));
    }

    public int getInt(int column) {
        return read(() -> result.getInt(column));
    }

    public boolean getBoolean(String column) {
        return read(() -> result.getBoolean(column));
    }

    public boolean getBoolean(int column) {
        return read(() -> result.getBoolean(column));
    }

    /** A binary column's bytes, null for SQL NULL. */
    public byte[] getBytes(int column) {
        return read(() -> result.getBytes(column));
    }

    /** The column as {@code type}, null for SQL NULL: how nullable numbers are read. */
    public <T> T getObject(String column, Class<T> type) {
        return read(() -> result.getObject(column, type));
    }

    /** The column as an instant, null for SQL NULL. */
    public Instant instant(String column) {
        Timestamp timestamp = read(() -> result.getTimestamp(column));
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The column as an instant, null for SQL NULL. */
    public Instant instant(int column) {
        Timestamp timestamp = read(() -> result.getTimestamp(column));
        return timestamp == null ? null : timestamp.toInstant();
    }

    private interface Read<T> {
        T get() throws SQLException;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
