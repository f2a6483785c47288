package dev.modelslabtwin.emulator.db;

import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's state: an H2 database, in memory by default or in a file when asked, brought to the
 * newest schema on open. Every change of money happens inside {@link #transaction}, so a balance and
 * its ledger entry are written together or not at all.
 */
public final class Database {

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** How many times a transaction that collided with a concurrent one is tried in all. */
    static final int ATTEMPTS = 50;

    /**
     * Parsed statements kept per session: H2 keeps 8, fewer than a wallet top-up runs, which then
     * parses SQL again (figures in bench/README.md).
     */
    static final String SETTINGS = ";QUERY_CACHE_SIZE=64";

    /** The connection of the transaction this thread is running, if any: transactions begun inside it join it. */
    private final ThreadLocal<Connection> open = new ThreadLocal<>();

    /**
     * Sessions kept open between transactions, already in manual commit at their isolation level:
     * opening a session takes a database-wide lock in H2, so with one per transaction concurrent
     * requests would queue on it (and every statement be parsed anew, H2 caching them per session);
     * and H2's own pool resets each session on return (a rollback and two mode switches), which costs
     * more than the request itself (figures in bench/README.md).
     */
    static final int MAX_IDLE_CONNECTIONS = 256;

    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final AtomicLong generation = new AtomicLong();
    private final String url;
    private volatile StatementCensus census;

    private Database(String url) {
        this.url = url;
        dataSource.setURL(url);
    }

    /** A private in-memory database that lives as long as this process. */
    public static Database inMemory() {
        return open("jdbc:h2:mem:twin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SETTINGS);
    }

    /**
     * Opens {@code location}: {@code mem} (or null) for a fresh in-memory database, {@code file:<path>}
     * for a file database that survives restarts, or a full {@code jdbc:h2:} URL.
     */
    public static Database at(String location) {
        if (location == null || location.isBlank() || location.equals("mem")) {
            return inMemory();
        }
        if (location.startsWith("jdbc:h2:")) {
            return open(location);
        }
        if (location.startsWith("file:")) {
            // WRITE_DELAY=0: a commit is written to the file before the answer goes out. H2's default
            // buffers commits for half a second, which a process killed with SIGKILL loses, acknowledged
            // payments included (CrashSafetyIT). Written, not fsynced: a killed process loses nothing, a
            // machine losing power may lose the last commits.
            return open("jdbc:h2:" + location + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" + SETTINGS);
        }
        throw new IllegalArgumentException("database must be 'mem', 'file:<path>' or a jdbc:h2: URL, not " + location);
    }

    private static Database open(String url) {
        Database database = new Database(url);
        database.transaction(database::makeSchema);
        return database;
    }

    /**
     * Brings the schema up to date: a new in-memory database from the build's snapshot at once, any
     * other by the migrations it has not had yet; then makes the database's keys it lacks.
     */
    private Object makeSchema(Connection connection) throws SQLException {
        if (!url.startsWith("jdbc:h2:mem:") || !SchemaSnapshot.applyTo(connection)) {
            Migrations.apply(connection);
        }
        DatabaseSecrets.make(connection);
        return null;
    }

    public String url() {
        return url;
    }

    /**
     * A number that changes after every transaction that wrote one of the watched tables (see
     * {@link WatchedTables}) has ended, and with every {@link #wipe}. What a transaction begun after
     * reading it reads may be remembered for as long as the number stays the same: a change is
     * committed before the number moves, so no later transaction misses it. Only for this process's
     * writes: another process writing a file database is not seen.
     */
    public long generation() {
        return generation.get();
    }

    /** Whether this thread runs a transaction, which one begun now would join (reading its snapshot). */
    public boolean inTransaction() {
        return open.get() != null;
    }

    /**
     * Drops every table and makes the schema again: the state of a new database, identity counters
     * included (so re-seeding gives the same ids, and the same seeded tokens, as at start), which a
     * truncate would not reset. Requests in flight while it runs may fail: a wipe is for between tests. Returns about how many rows it dropped (H2's estimate).
     */
    public long wipe() {
        return transaction(connection -> {
            long dropped = Sql.one(connection, "SELECT COALESCE(SUM(ROW_COUNT_ESTIMATE), 0) AS n FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC'", row -> row.getLong("n")).orElse(0L);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP ALL OBJECTS");
            }
            WatchedTables.noteChange();
            makeSchema(connection);
            return dropped;
        });
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. What
     * must be kept although the request fails (a declined charge) is returned, and the failure reported
     * once the transaction is committed.
     * Transactions read a snapshot and fail on a write conflict (H2's REPEATABLE READ): one that
     * writes a row a concurrent transaction changed and committed meanwhile is rolled back (H2 reports
     * a deadlock) and run again from the start, after a short random pause, up to {@value #ATTEMPTS}
     * times, so concurrent clients see one of them wait rather than a server error. (H2's SERIALIZABLE
     * detects no more than that — it is not serializable — and snapshots every table at a transaction's
     * first statement, which costs every request CPU for nothing.)
     * <p>
     * Called while this thread already runs a transaction, {@code work} joins it, inside a savepoint:
     * what it throws undoes its own writes only, and everything
     * is committed, or retried, with the outer transaction. That is how a request's effect and the
     * answer stored for its {@code Idempotency-Key} are written together or not at all.
     */
    public <T> T transaction(Work<T> work) {
        Connection joined = open.get();
        if (joined != null) {
            return nested(joined, work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (DatabaseException e) {
                if (!e.collision() || attempt == ATTEMPTS) {
                    throw e;
                }
                pauseBeforeAttempt(attempt);
            }
        }
    }

    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1 + Math.min(attempt, 10) * 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }

    /**
     * Notes every statement the transactions begun from now on run, until {@link #endCensus}: for tests
     * that count what an operation reads (see {@link StatementCensus}).
     */
    public StatementCensus startCensus() {
        StatementCensus started = new StatementCensus();
        census = started;
        return started;
    }

    public void endCensus() {
        census = null;
    }

    private <T> T once(Work<T> work) {
        Connection connection = borrow();
        StatementCensus counting = census;
        Connection used = counting == null ? connection : counting.watching(connection);
        boolean ended = false;
        open.set(used);
        try {
            T result;
            try {
                result = work.run(used);
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                ended = true;
                throw e;
            }
            connection.commit();
            ended = true;
            return result;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        } finally {
            open.remove();
            giveBack(connection, ended);
            if (WatchedTables.takeChange()) {
                generation.incrementAndGet();
            }
        }
    }

    private Connection borrow() {
        Connection connection = idle.pollFirst();
        if (connection != null) {
            idleCount.decrementAndGet();
            return connection;
        }
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return connection;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Keeps a session whose transaction ended cleanly for the next one; closes any other. */
    private void giveBack(Connection connection, boolean ended) {
        if (ended && idleCount.incrementAndGet() <= MAX_IDLE_CONNECTIONS) {
            idle.offerFirst(connection);
            return;
        }
        if (ended) {
            idleCount.decrementAndGet();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a session that failed to end is dropped either way
        }
    }

    private static <T> T nested(Connection connection, Work<T> work) {
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = work.run(connection);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (RuntimeException e) {
                if (!(e instanceof DatabaseException failure && failure.collision())) {
                    connection.rollback(savepoint);
                }
                throw e;
            } catch (SQLException e) {
                // A collision has already rolled the whole transaction back: the outer one runs again.
                if (!new DatabaseException(e).collision()) {
                    connection.rollback(savepoint);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
