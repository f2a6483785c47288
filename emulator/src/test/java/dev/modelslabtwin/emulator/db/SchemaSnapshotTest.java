package dev.modelslabtwin.emulator.db;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaSnapshotTest {

    @Test
    void aNewInMemoryDatabaseHasTheSchemaTheMigrationsMake() throws SQLException {
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:mem:")) {
            Migrations.apply(migrated);
            Database fromSnapshot = Database.inMemory();

            assertEquals(schema(migrated), fromSnapshot.transaction(SchemaSnapshotTest::schema));
            assertEquals(versions(migrated), fromSnapshot.transaction(SchemaSnapshotTest::versions));
        }
    }

    @Test
    void theBuildWroteTheSnapshotOfTheMigrationsOnTheClasspath() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:")) {
            assertTrue(SchemaSnapshot.applyTo(connection), SchemaSnapshot.RESOURCE + " is missing: the build writes it");
            assertEquals(new ArrayList<>(Migrations.versions()), versions(connection));
        }
    }

    @Test
    void aWipedDatabaseHasTheSchemaAgain() throws SQLException {
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:mem:")) {
            Migrations.apply(migrated);
            Database database = Database.inMemory();
            database.transaction(c -> c.createStatement().executeUpdate("DROP TABLE mailbox"));

            database.wipe();

            assertEquals(schema(migrated), database.transaction(SchemaSnapshotTest::schema));
        }
    }

    @Test
    void aDatabaseAnOlderEmulatorMadeIsBroughtUpToDateByTheMigrations() throws SQLException {
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:mem:")) {
            Migrations.apply(migrated);
            OlderSchema older = OlderSchema.at(9);

            Database upgraded = older.upgrade();

            assertEquals(schema(migrated), upgraded.transaction(SchemaSnapshotTest::schema));
            assertEquals(versions(migrated), upgraded.transaction(SchemaSnapshotTest::versions));
        }
    }

    @Test
    void theSnapshotHoldsNoRows() throws SQLException {
        for (String statement : SchemaSnapshot.take()) {
            assertFalse(statement.startsWith("INSERT") && !statement.startsWith("INSERT INTO schema_version"), statement);
        }
    }

    /** Every table, column, index and constraint, as H2 would script them (without its comments: row counts). */
    private static List<String> schema(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet script = statement.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
            while (script.next()) {
                if (!script.getString(1).startsWith("--")) {
                    statements.add(script.getString(1));
                }
            }
        }
        return statements;
    }

    private static List<Integer> versions(Connection connection) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }
}
