package dev.modelslabtwin.emulator.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseTest {

    @Test
    void aNewDatabaseIsMigratedToTheNewestSchema() {
        Database database = Database.inMemory();

        int version = database.transaction(c -> single(c.createStatement(), "SELECT MAX(version) FROM schema_version").intValue());

        assertEquals(newestScript(), version);
    }

    /**
     * The highest N with a {@code db/migration/VN.sql} on the classpath, so each new script needs no edit
     * here; numbers reserved by branches not merged yet may leave gaps below it.
     */
    private static int newestScript() {
        int newest = 0;
        for (int version = 1; version <= newest + 16; version++) {
            if (DatabaseTest.class.getClassLoader().getResource("db/migration/V" + version + ".sql") != null) {
                newest = version;
            }
        }
        return newest;
    }

    @Test
    void everyScriptIsAppliedOnceWhateverGapsLieBeforeIt() {
        Database database = Database.inMemory();

        int recorded = database.transaction(c -> single(c.createStatement(), "SELECT COUNT(*) FROM schema_version").intValue());
        int present = 0;
        for (int version = 1; version <= newestScript(); version++) {
            present += DatabaseTest.class.getClassLoader().getResource("db/migration/V" + version + ".sql") != null ? 1 : 0;
        }
        assertEquals(present, recorded);
    }

    @Test
    void aWipeTellsAboutHowManyRowsItDropped() {
        Database database = Database.inMemory();
        long migrated = database.wipe();
        database.transaction(c -> {
            for (int i = 0; i < 50; i++) {
                Sql.insert(c, "INSERT INTO accounts (email, name, password_hash, stripe_customer_id, created_at) "
                        + "VALUES (?, 'A', 'x', 'cus_a', CURRENT_TIMESTAMP)", "a" + i + "@example.com");
            }
            return null;
        });

        long dropped = database.wipe();

        assertEquals(migrated + 50, dropped);
    }

    @Test
    void aWipedDatabaseIsANewOneWhoseIdsStartAgainFromOne() {
        Database database = Database.inMemory();
        database.transaction(c -> {
            Sql.insert(c, "INSERT INTO accounts (email, name, password_hash, stripe_customer_id, created_at) "
                    + "VALUES ('a@example.com', 'A', 'x', 'cus_a', CURRENT_TIMESTAMP)");
            return Sql.insert(c, "INSERT INTO accounts (email, name, password_hash, stripe_customer_id, created_at) "
                    + "VALUES ('b@example.com', 'B', 'x', 'cus_b', CURRENT_TIMESTAMP)");
        });
        int version = database.transaction(c -> single(c.createStatement(), "SELECT MAX(version) FROM schema_version").intValue());

        database.wipe();

        BigDecimal accounts = database.transaction(c -> Sql.number(c, "SELECT COUNT(*) FROM accounts"));
        BigDecimal versionAfter = database.transaction(c -> single(c.createStatement(), "SELECT MAX(version) FROM schema_version"));
        long firstId = database.transaction(c -> Sql.insert(c, "INSERT INTO accounts (email, name, password_hash, "
                + "stripe_customer_id, created_at) VALUES ('c@example.com', 'C', 'x', 'cus_c', CURRENT_TIMESTAMP)"));
        assertEquals(0, accounts.intValue());
        assertEquals(version, versionAfter.intValue());
        assertEquals(1, firstId);
    }

    @Test
    void aFileDatabaseKeepsItsStateAcrossReopening(@TempDir Path dir) {
        String location = "file:" + dir.resolve("twin");
        Database.at(location).transaction(c -> c.createStatement().executeUpdate(
                "INSERT INTO plans (id, name, category, period, type, price, features, description) "
                        + "VALUES (10, 'Basic', 'enterprise', 'monthly', 'basic', 249.00, '[]', 'x')"));

        BigDecimal price = Database.at(location).transaction(c -> single(c.createStatement(), "SELECT price FROM plans WHERE id = 10"));

        assertEquals(new BigDecimal("249.00"), price);
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        Database database = Database.inMemory();

        assertThrows(IllegalStateException.class, () -> database.transaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO plans (id, name, category, period, type, price, features, description) "
                    + "VALUES (11, 'Pro', 'normal', 'monthly', 'pro', 99.00, '[]', 'x')");
            throw new IllegalStateException("card declined halfway");
        }));

        assertEquals(0, database.transaction(c -> single(c.createStatement(), "SELECT COUNT(*) FROM plans")).intValue());
    }

    @Test
    void aTransactionBegunInsideAnotherIsCommittedOrRolledBackWithIt() {
        Database database = Database.inMemory();

        assertThrows(IllegalStateException.class, () -> database.transaction(outer -> {
            database.transaction(inner -> inner.createStatement().executeUpdate(plan(1)));
            throw new IllegalStateException("the outer work fails after the inner one returned");
        }));

        assertEquals(0, database.transaction(c -> single(c.createStatement(), "SELECT COUNT(*) FROM plans")).intValue());
    }

    @Test
    void aTransactionThatFailsInsideAnotherUndoesOnlyItsOwnWork() {
        Database database = Database.inMemory();

        database.transaction(outer -> {
            outer.createStatement().executeUpdate(plan(1));
            assertThrows(IllegalStateException.class, () -> database.transaction(inner -> {
                inner.createStatement().executeUpdate(plan(2));
                throw new IllegalStateException("declined");
            }));
            return outer.createStatement().executeUpdate(plan(3));
        });

        assertEquals(new BigDecimal("4"), database.transaction(c -> single(c.createStatement(), "SELECT SUM(id) FROM plans")));
    }

    @Test
    void transactionsThatCollideOnOneRowAreRunAgainUntilEachHasItsEffect() throws Exception {
        Database database = Database.inMemory();
        database.transaction(c -> c.createStatement().executeUpdate("INSERT INTO plans (id, name, category, period, type, "
                + "price, features, description) VALUES (1, 'Counter', 'normal', 'monthly', 'pro', 0, '[]', 'x')"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> increments = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                // Read, then write what was read plus one: every increment is kept only because a write conflict fails and is retried.
                increments.add(pool.submit(() -> database.transaction(c -> {
                    BigDecimal price = single(c.createStatement(), "SELECT price FROM plans WHERE id = 1");
                    return c.createStatement().executeUpdate("UPDATE plans SET price = " + price.add(BigDecimal.ONE) + " WHERE id = 1");
                })));
            }
            for (Future<Integer> increment : increments) {
                assertEquals(1, increment.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(0, new BigDecimal("400").compareTo(
                database.transaction(c -> single(c.createStatement(), "SELECT price FROM plans WHERE id = 1"))));
    }

    @Test
    void amountsAreStoredExactlyToTheCent() {
        Database database = Database.inMemory();

        BigDecimal sum = database.transaction(c -> single(c.createStatement(), "SELECT CAST(0.10 AS DECIMAL(14,2)) + CAST(0.20 AS DECIMAL(14,2))"));

        assertEquals(new BigDecimal("0.30"), sum);
    }

    private static String plan(int id) {
        return "INSERT INTO plans (id, name, category, period, type, price, features, description) "
                + "VALUES (" + id + ", 'Plan " + id + "', 'normal', 'monthly', 'pro', 9.00, '[]', 'x')";
    }

    private static BigDecimal single(Statement statement, String sql) throws SQLException {
        try (statement; ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBigDecimal(1);
        }
    }
}
