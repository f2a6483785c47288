package dev.modelslabtwin.emulator.db;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The random keys a database keeps for as long as it lives ({@code url_signing_keys}), one per purpose,
 * made when the schema is made and by no migration: a new in-memory database is made from the build's
 * schema snapshot, which holds no rows, so every database gets keys of its own. A file database keeps
 * its keys across restarts (links handed out before still open after).
 */
public final class DatabaseSecrets {

    /** What a key is for. */
    public enum Purpose {
        /** Signs download links (billing/SignedLinks). */
        FILES("files"),
        /** Derives PaymentIntents' client secrets (stripe/ClientSecrets). */
        CLIENT_SECRETS("client_secrets");

        private final String stored;

        Purpose(String stored) {
            this.stored = stored;
        }

        /** Its name in {@code url_signing_keys}. */
        String stored() {
            return stored;
        }
    }

    private DatabaseSecrets() {
    }

    /** A scalar subquery giving {@code purpose}'s key (hex), to read with other columns or alone. */
    public static String keyQuery(Purpose purpose) {
        return "(SELECT secret FROM url_signing_keys WHERE purpose = '" + purpose.stored + "')";
    }

    /** HMAC-SHA256 of {@code text} (UTF-8) with {@code hexKey}, a key {@link #keyQuery} read. */
    public static byte[] hmac(String hexKey, String text) {
        if (hexKey == null) {
            throw new IllegalStateException("the database has no key: DatabaseSecrets.make did not run");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Makes each purpose's key that the database does not have yet. */
    static void make(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO url_signing_keys (purpose, secret) "
                + "SELECT ?, RAWTOHEX(SECURE_RAND(32)) WHERE NOT EXISTS (SELECT 1 FROM url_signing_keys WHERE purpose = ?)")) {
            for (Purpose purpose : Purpose.values()) {
                insert.setString(1, purpose.stored);
                insert.setString(2, purpose.stored);
                insert.executeUpdate();
            }
        }
    }
}
