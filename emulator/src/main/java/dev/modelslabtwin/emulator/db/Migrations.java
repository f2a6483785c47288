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
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Versioned schema scripts {@code db/migration/V1.sql}, {@code V2.sql}, … on the classpath, applied
 * in order, each once, recorded in {@code schema_version}. A file database made by an older emulator
 * is brought up to date instead of being thrown away. Numbers are reserved by the branch that will
 * add them, so a branch may hold V8 before V6 and V7 land: every script not recorded yet is applied,
 * in order, whatever came before it, and a gap is no end.
 */
final class Migrations {

    private static final String FOLDER = "db/migration/";
    /** How many numbers in a row may be missing before the scripts are taken to end. */
    private static final int LONGEST_GAP = 16;
    /** The scripts, read once: a reset applies them all again. */
    private static final SortedMap<Integer, String> SCRIPTS = discover();

    private Migrations() {
    }

    /** The versions of the scripts on the classpath, in order. */
    static Set<Integer> versions() {
        return SCRIPTS.keySet();
    }

    static int newest() {
        return SCRIPTS.isEmpty() ? 0 : SCRIPTS.lastKey();
    }

    /** Applies every script not yet recorded; the highest version now applied. */
    static Integer apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INT PRIMARY KEY, applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        }
        Set<Integer> applied = appliedVersions(connection);
        for (Map.Entry<Integer, String> script : SCRIPTS.entrySet()) {
            if (applied.contains(script.getKey())) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(script.getValue());
            }
            try (PreparedStatement record = connection.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
                record.setInt(1, script.getKey());
                record.executeUpdate();
            }
            applied.add(script.getKey());
        }
        return applied.stream().max(Integer::compare).orElse(0);
    }

    static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM schema_version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private static SortedMap<Integer, String> discover() {
        SortedMap<Integer, String> scripts = new TreeMap<>();
        for (int version = 1, missing = 0; missing < LONGEST_GAP; version++) {
            String script = read(version);
            if (script == null) {
                missing++;
            } else {
                scripts.put(version, script);
                missing = 0;
            }
        }
        return Collections.unmodifiableSortedMap(scripts);
    }

    private static String read(int version) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + "V" + version + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
