package dev.modelslabtwin.emulator.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * A database as an older emulator left it: the migration scripts up to a version applied and recorded,
 * the later ones not, for tests of what the later ones do to rows written before them.
 */
public final class OlderSchema {

    private final String url;
    private final Connection connection;

    private OlderSchema(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /** A new in-memory database at schema {@code version}; it lives until {@link #upgrade} has opened it. */
    public static OlderSchema at(int version) {
        String url = "jdbc:h2:mem:older-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try {
            Connection connection = DriverManager.getConnection(url);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, "
                        + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
                for (int v = 1; v <= version; v++) {
                    String script = script(v);
                    if (script != null) {
                        statement.execute(script);
                        statement.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
                    }
                }
            }
            return new OlderSchema(url, connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** An account (id 1 in a new database) with {@code email}, created at {@code now}. */
    public OlderSchema withAccount(String email, Instant now) {
        return with("INSERT INTO accounts (email, name, password_hash, stripe_customer_id, created_at) "
                + "VALUES (?, 'Older', 'x', 'cus_older', ?)", email, now);
    }

    /** Runs {@code sql} (an INSERT of rows an older emulator wrote) on the older schema. */
    public OlderSchema with(String sql, Object... parameters) {
        Sql.update(connection, sql, parameters);
        return this;
    }

    /** The database opened by this emulator, which applies the scripts not yet applied. */
    public Database upgrade() {
        Database database = Database.at(url);
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return database;
    }

    private static String script(int version) {
        try (InputStream in = OlderSchema.class.getClassLoader().getResourceAsStream("db/migration/V" + version + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
