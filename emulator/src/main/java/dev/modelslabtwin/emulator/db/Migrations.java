package dev.modelslabtwin.emulator.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Versioned schema scripts {@code db/migration/V1.sql}, {@code V2.sql}, … on the classpath, applied
 * in order, each once, recorded in {@code schema_version}. A file database made by an older emulator
 * is brought up to date instead of being thrown away.
 */
final class Migrations {

    private static final String FOLDER = "db/migration/";

    private Migrations() {
    }

    static Integer apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INT PRIMARY KEY, applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        }
        int current = currentVersion(connection);
        int version = current;
        for (String script = read(version + 1); script != null; script = read(version + 1)) {
            version++;
            try (Statement statement = connection.createStatement()) {
                statement.execute(script);
            }
            try (PreparedStatement record = connection.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
                record.setInt(1, version);
                record.executeUpdate();
            }
        }
        return version;
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String read(int version) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + "V" + version + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
