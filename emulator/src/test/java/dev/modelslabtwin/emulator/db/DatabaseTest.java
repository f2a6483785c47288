package dev.modelslabtwin.emulator.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseTest {

    @Test
    void aNewDatabaseIsMigratedToTheNewestSchema() {
        Database database = Database.inMemory();

        int version = database.transaction(c -> single(c.createStatement(), "SELECT MAX(version) FROM schema_version").intValue());

        assertEquals(newestScript(), version);
    }

    /** The highest N with a {@code db/migration/VN.sql} on the classpath: each branch may add the next one. */
    private static int newestScript() {
        int newest = 0;
        while (DatabaseTest.class.getClassLoader().getResource("db/migration/V" + (newest + 1) + ".sql") != null) {
            newest++;
        }
        return newest;
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
    void amountsAreStoredExactlyToTheCent() {
        Database database = Database.inMemory();

        BigDecimal sum = database.transaction(c -> single(c.createStatement(), "SELECT CAST(0.10 AS DECIMAL(14,2)) + CAST(0.20 AS DECIMAL(14,2))"));

        assertEquals(new BigDecimal("0.30"), sum);
    }

    private static BigDecimal single(Statement statement, String sql) throws SQLException {
        try (statement; ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBigDecimal(1);
        }
    }
}
