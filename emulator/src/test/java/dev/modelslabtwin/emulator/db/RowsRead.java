package dev.modelslabtwin.emulator.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many rows the statements of some work read: each statement of a {@link StatementCensus} is
 * replayed with H2's {@code EXPLAIN ANALYZE} (in a transaction rolled back afterwards) and its
 * {@code scanCount}s added up. Inserts read no rows and are not replayed.
 */
public final class RowsRead {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    /** What one statement read. */
    public record Read(String sql, long rows) {
    }

    /** The rows each statement read, and their sum. */
    public record Census(List<Read> reads) {
        public long total() {
            return reads.stream().mapToLong(Read::rows).sum();
        }

        public int statements() {
            return reads.size();
        }

        /** The census without the statements that begin with {@code prefix}. */
        public Census without(String prefix) {
            return new Census(reads.stream().filter(read -> !read.sql().startsWith(prefix)).toList());
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(total() + " rows read by " + statements() + " statements:");
            reads.forEach(read -> text.append("\n  ").append(read.rows()).append("  ").append(read.sql()));
            return text.toString();
        }
    }

    private RowsRead() {
    }

    /** Runs {@code work} with a census of {@code database} taken, then counts what its statements read. */
    public static Census by(Database database, Callable<?> work) {
        StatementCensus census = database.startCensus();
        try {
            work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            database.endCensus();
        }
        return count(database, census.executed());
    }

    static Census count(Database database, List<StatementCensus.Executed> executed) {
        List<Read> reads = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url())) {
            connection.setAutoCommit(false);
            for (StatementCensus.Executed statement : executed) {
                String sql = statement.sql().strip();
                String verb = sql.substring(0, sql.indexOf(' ')).toUpperCase();
                if (verb.equals("INSERT") || verb.equals("SAVEPOINT") || verb.equals("RELEASE")) {
                    reads.add(new Read(sql, 0));
                    continue;
                }
                reads.add(new Read(sql, explainAnalyze(connection, sql, statement.parameters())));
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Census(reads);
    }

    private static long explainAnalyze(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                explain.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            long rows = 0;
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    Matcher count = SCAN_COUNT.matcher(plan.getString(1));
                    while (count.find()) {
                        rows += Long.parseLong(count.group(1));
                    }
                }
            }
            return rows;
        }
    }
}
