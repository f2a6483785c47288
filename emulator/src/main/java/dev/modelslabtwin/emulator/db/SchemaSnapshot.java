package dev.modelslabtwin.emulator.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema the migrations make, written at build time as the statements that create it at once
 * ({@value #RESOURCE}): a new in-memory database is made from it instead of by replaying every migration.
 * The migrations add columns to tables made before, and H2 adds a column by copying the table: those
 * copies were two thirds of a start's schema work, and of every reset's. A file database is still
 * brought up to date by the migrations, which is what an old one needs.
 */
public final class SchemaSnapshot {

    static final String RESOURCE = "db/schema-snapshot.sql";
    /** Between statements of the resource (a statement's text holds line breaks). */
    private static final String SEPARATOR = "\n;;\n";
    private static final List<String> STATEMENTS = read();

    private SchemaSnapshot() {
    }

    /**
     * Writes the snapshot of the migrations on the classpath into the directory {@code args[0]} (the
     * build's classes, from the build: see the emulator's pom).
     */
    public static void main(String[] args) throws IOException, SQLException {
        Path file = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join(SEPARATOR, take()), StandardCharsets.UTF_8);
        System.out.println("[schema] snapshot of migrations 1-" + Migrations.newest() + " written to " + file);
    }

    /**
     * Creates the whole schema in a database that has no tables yet; false, doing nothing, when it has
     * some (an older emulator's, which the migrations bring up to date) or no snapshot was built.
     */
    static boolean applyTo(Connection connection) throws SQLException {
        if (STATEMENTS.isEmpty()) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                if (tables.next() && tables.getLong(1) > 0) {
                    return false;
                }
            }
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
        return true;
    }

    /** The statements that make a new database like the migrations do, schema_version rows included. */
    static List<String> take() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:")) {
            Migrations.apply(connection);
            refuseData(connection);
            List<String> statements = script(connection);
            for (int version : Migrations.versions()) {
                statements.add("INSERT INTO schema_version (version) VALUES (" + version + ")");
            }
            return statements;
        }
    }

    /** The statements that make {@code connection}'s tables, columns, indexes, constraints and triggers, as H2 scripts them. */
    static List<String> script(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet script = statement.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
            while (script.next()) {
                String sql = script.getString(1);
                // Comments (row counts) and the database's user are no part of the schema.
                if (!sql.startsWith("--") && !sql.startsWith("CREATE USER")) {
                    statements.add(sql);
                }
            }
        }
        return statements;
    }

    /**
     * A snapshot holds no rows: a migration that inserts some (a random secret, say) would give every
     * database made from it the same ones. Such data is made by the code that needs it, when missing.
     */
    private static void refuseData(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT TABLE_NAME, ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'SCHEMA_VERSION' AND ROW_COUNT_ESTIMATE > 0")) {
            if (tables.next()) {
                throw new IllegalStateException("the migrations leave rows in " + tables.getString(1)
                        + ": a schema snapshot would copy them into every new database; make them where they are used");
            }
        }
    }

    private static List<String> read() {
        try (InputStream in = SchemaSnapshot.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split(SEPARATOR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
