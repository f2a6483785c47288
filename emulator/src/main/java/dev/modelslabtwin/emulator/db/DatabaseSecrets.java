package dev.modelslabtwin.emulator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The random keys a database keeps for as long as it lives ({@code url_signing_keys}), one per purpose,
 * made when the schema is made and by no migration: a new in-memory database is made from the build's
 * schema snapshot, which holds no rows, so every database gets keys of its own. A file database keeps
 * its keys across restarts (links handed out before still open after).
 */
final class DatabaseSecrets {

    /** Signs download links (billing/SignedLinks); derives PaymentIntents' client secrets (stripe/ClientSecrets). */
    static final List<String> PURPOSES = List.of("files", "client_secrets");

    private DatabaseSecrets() {
    }

    /** Makes each purpose's key that the database does not have yet. */
    static void make(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO url_signing_keys (purpose, secret) "
                + "SELECT ?, RAWTOHEX(SECURE_RAND(32)) WHERE NOT EXISTS (SELECT 1 FROM url_signing_keys WHERE purpose = ?)")) {
            for (String purpose : PURPOSES) {
                insert.setString(1, purpose);
                insert.setString(2, purpose);
                insert.executeUpdate();
            }
        }
    }
}
