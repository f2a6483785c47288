package dev.modelslabtwin.emulator.db;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaSnapshotTest {

    @Test
    void aNewInMemoryDatabaseHasTheSchemaTheMigrationsMake() throws SQLException {
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:mem:")) {
            Migrations.apply(migrated);
            Database fromSnapshot = Database.inMemory();

            assertEquals(SchemaSnapshot.script(migrated), fromSnapshot.transaction(SchemaSnapshot::script));
            assertEquals(Migrations.appliedVersions(migrated), fromSnapshot.transaction(Migrations::appliedVersions));
        }
    }

    @Test
    void theBuildWroteTheSnapshotOfTheMigrationsOnTheClasspath() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:")) {
            assertTrue(SchemaSnapshot.applyTo(connection), SchemaSnapshot.RESOURCE + " is missing: the build writes it");
            assertEquals(Migrations.versions(), Migrations.appliedVersions(connection));
        }
    }

    @Test
    void aWipedDatabaseHasTheSchemaAgain() throws SQLException {
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:mem:")) {
            Migrations.apply(migrated);
            Database database = Database.inMemory();
            database.transaction(c -> c.createStatement().executeUpdate("DROP TABLE mailbox"));

            database.wipe();

            assertEquals(SchemaSnapshot.script(migrated), database.transaction(SchemaSnapshot::script));
        }
    }

    @Test
    void aDatabaseAnOlderEmulatorMadeIsBroughtUpToDateByTheMigrations() throws SQLException {
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:mem:")) {
            Migrations.apply(migrated);
            OlderSchema older = OlderSchema.at(9);

            Database upgraded = older.upgrade();

            assertEquals(SchemaSnapshot.script(migrated), upgraded.transaction(SchemaSnapshot::script));
            assertEquals(Migrations.appliedVersions(migrated), upgraded.transaction(Migrations::appliedVersions));
        }
    }

    @Test
    void theSnapshotHoldsNoRows() throws SQLException {
        for (String statement : SchemaSnapshot.take()) {
            assertFalse(statement.startsWith("INSERT") && !statement.startsWith("INSERT INTO schema_version"), statement);
        }
    }
}
