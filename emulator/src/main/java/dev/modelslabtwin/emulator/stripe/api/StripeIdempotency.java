package dev.modelslabtwin.emulator.stripe.api;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.db.DatabaseException;
import dev.modelslabtwin.emulator.db.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's idempotency for {@code POST}s (docs.stripe.com/api/idempotent_requests): the first request
 * with an {@code Idempotency-Key} runs and, once it has begun to act, its status and body are kept for
 * 24 hours of emulated time; a retry with the same key, endpoint and parameters gets them again with
 * {@code Idempotent-Replayed: true}; the same key on another endpoint or with other parameters is a 400
 * {@code idempotency_error}; a retry while the first request still runs is a 409. Keys live in H2, so a
 * reset forgets them with everything else.
 */
final class StripeIdempotency {

    static final Duration RETENTION = Duration.ofHours(24);
    /** Stripe's longest key. */
    static final int LONGEST_KEY = 255;

    /** An answer kept for a key. */
    record Stored(int status, String body, String originalRequestId) {
    }

    private final Database database;

    StripeIdempotency(Database database) {
        this.database = database;
    }

    /**
     * Claims {@code key} for a request: empty when it is the key's first use (the caller runs the request,
     * then {@link #keep} or {@link #release}s the key), the kept answer when it is a retry of the same
     * request; a {@link StripeError} when the key was used for another request or its first use still runs.
     */
    Optional<Stored> claim(String key, String endpoint, Map<String, List<String>> parameters, String requestId, Instant now) {
        if (key.length() > LONGEST_KEY) {
            throw StripeError.invalidRequest(400, null, null, "Invalid Idempotency-Key: it must be at most " + LONGEST_KEY
                    + " characters long (this one is " + key.length() + ").");
        }
        String fingerprint = fingerprint(parameters);
        for (int attempt = 1; ; attempt++) {
            try {
                return database.transaction(db -> {
                    Sql.update(db, "DELETE FROM stripe_idempotency_keys WHERE idem_key = ? AND expires_at <= ?", key, now);
                    Optional<Row> existing = Sql.one(db, "SELECT endpoint, request_hash, status, response_body, "
                            + "original_request_id FROM stripe_idempotency_keys WHERE idem_key = ?", row -> new Row(
                            row.getString(1), row.getString(2), row.getObject("status", Integer.class), row.getString(4),
                            row.getString(5)), key);
                    if (existing.isEmpty()) {
                        // A new key retires up to two expired ones: the table holds about a day's keys.
                        Sql.update(db, "DELETE FROM stripe_idempotency_keys WHERE expires_at <= ? FETCH FIRST 2 ROWS ONLY", now);
                        Sql.update(db, "INSERT INTO stripe_idempotency_keys (idem_key, endpoint, request_hash, status, "
                                        + "response_body, original_request_id, created_at, expires_at) VALUES (?, ?, ?, NULL, NULL, ?, ?, ?)",
                                key, endpoint, fingerprint, requestId, now, now.plus(RETENTION));
                        return Optional.<Stored>empty();
                    }
                    return Optional.of(existing.get().answerFor(key, endpoint, fingerprint));
                });
            } catch (DatabaseException e) {
                // Two first uses of one key at once: the other inserted it; read it again.
                if (!duplicateKey(e) || attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /** Keeps the answer of a key's first use. */
    void keep(String key, int status, String body) {
        database.transaction(db -> Sql.update(db, "UPDATE stripe_idempotency_keys SET status = ?, response_body = ? "
                + "WHERE idem_key = ? AND status IS NULL", status, body, key));
    }

    /** Frees a key whose first use was refused before it acted (Stripe keeps no answer then). */
    void release(String key) {
        database.transaction(db -> Sql.update(db, "DELETE FROM stripe_idempotency_keys WHERE idem_key = ? AND status IS NULL",
                key));
    }

    private record Row(String endpoint, String hash, Integer status, String body, String originalRequestId) {

        Stored answerFor(String key, String requestedEndpoint, String fingerprint) {
            if (!endpoint.equals(requestedEndpoint)) {
                throw StripeError.idempotency(400, "Keys for idempotent requests can only be used for the same endpoint "
                        + "they were first used for ('" + endpoint + "' vs '" + requestedEndpoint + "'). Try using a key "
                        + "other than '" + key + "' if you meant to execute a different request.");
            }
            if (!hash.equals(fingerprint)) {
                throw StripeError.idempotency(400, "Keys for idempotent requests can only be used with the same parameters "
                        + "they were first used with. Try using a key other than '" + key + "' if you meant to execute a "
                        + "different request.");
            }
            if (status == null) {
                throw StripeError.idempotency(409, "There is currently another in-progress request using this Idempotent "
                        + "Key (that probably means you submitted twice, and the other request is still going through): "
                        + key + ". Please try again later.");
            }
            return new Stored(status, body, originalRequestId);
        }
    }

    /** The parameters in a canonical order; how a client happened to order them does not matter. */
    private static String fingerprint(Map<String, List<String>> parameters) {
        StringBuilder text = new StringBuilder();
        parameters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            text.append(entry.getKey()).append('\u0000');
            entry.getValue().forEach(value -> text.append(value).append('\u0001'));
            text.append('\u0002');
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean duplicateKey(DatabaseException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
