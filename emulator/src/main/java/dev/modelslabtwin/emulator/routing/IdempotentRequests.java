package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.db.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stripe-style idempotency: the first request with a key runs and its answer is stored for 24 hours of
 * emulated time; a retry with the same key, operation, path and body gets that answer again without
 * acting; anything else with the key is a conflict. The effect and the stored answer share one
 * transaction. Only answers the operation itself produced are stored — a request refused before it ran
 * (auth, validation, throttling) leaves the key unused.
 * <p>
 * Keys belong to an account, and {@link ApiRouter} runs an account's keyed requests one at a time, so
 * two concurrent retries with one key cause exactly one effect: the second finds the first's answer.
 */
public final class IdempotentRequests {

    static final Duration RETENTION = Duration.ofHours(24);
    /** Expired keys a new key retires (two: more than one, so a backlog of expired keys shrinks). */
    static final int RETIRED_PER_KEY = 2;
    private static final ObjectMapper CANONICAL = Json.MAPPER.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** What an operation answered: a success body, or the problem it reported. */
    record Outcome(int status, JsonNode result, ApiProblem problem, boolean replayed) {

        static Outcome success(int status, JsonNode result) {
            return new Outcome(status, result, null, false);
        }

        static Outcome failure(ApiProblem problem) {
            return new Outcome(problem.status(), null, problem, false);
        }
    }

    private final Database database;
    private final Clock clock;

    public IdempotentRequests(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Runs {@code action} unless the key already has an answer; the caller holds the account's lock. */
    Outcome run(long accountId, String key, String operationId, String path, JsonNode body, Supplier<Outcome> action) {
        byte[] fingerprint = fingerprint(operationId, path, body);
        // One transaction: the effect and the answer stored for the key are written together, or
        // neither is (a crash in between cannot leave an effect a retry would repeat).
        return database.transaction(db -> {
            Optional<Outcome> stored = stored(accountId, key, fingerprint);
            if (stored.isPresent()) {
                return stored.get();
            }
            Outcome outcome = action.get();
            if (outcome.status() < 500) {
                save(accountId, key, operationId, fingerprint, outcome);
            }
            return outcome;
        });
    }

    /**
     * Forgets every key older than the retention period: what an advance of the emulated clock does.
     * (A key is also forgotten on its next use once expired.) Returns how many keys were forgotten.
     */
    public int purgeExpired(Instant now) {
        return database.transaction(db -> Sql.update(db, "DELETE FROM idempotency_keys WHERE expires_at <= ?", now));
    }

    private Optional<Outcome> stored(long accountId, String key, byte[] fingerprint) {
        Instant now = clock.instant();
        return database.transaction(db -> {
            Sql.update(db, "DELETE FROM idempotency_keys WHERE account_id = ? AND idem_key = ? AND expires_at <= ?",
                    accountId, key, now);
            return Sql.one(db, "SELECT request_digest, request_hash, status, answer FROM idempotency_keys "
                    + "WHERE account_id = ? AND idem_key = ?", row -> {
                        byte[] digest = row.getBytes(1);
                        // A key stored before V11 has its fingerprint in hex.
                        boolean same = digest != null ? Arrays.equals(digest, fingerprint)
                                : HexFormat.of().formatHex(fingerprint).equals(row.getString(2));
                        if (!same) {
                            throw new ApiProblem(409, "idempotency_conflict",
                                    "This Idempotency-Key was already used with different request parameters.",
                                    Map.of("idempotency_key", key));
                        }
                        return read(row.getInt(3), StoredAnswers.unpack(row.getBytes(4)));
                    }, accountId, key);
        });
    }

    /**
     * Stores the answer, and retires up to {@value #RETIRED_PER_KEY} expired keys of any account: keys
     * are made no faster than they are retired, so the table holds about a retention period's keys
     * whether or not the emulated clock is ever advanced (Stripe prunes keys after 24 hours).
     */
    private void save(long accountId, String key, String operationId, byte[] fingerprint, Outcome outcome) {
        Instant now = clock.instant();
        byte[] stored = StoredAnswers.pack(write(outcome));
        database.transaction(db -> {
            Sql.update(db, "DELETE FROM idempotency_keys WHERE expires_at <= ? FETCH FIRST " + RETIRED_PER_KEY
                    + " ROWS ONLY", now);
            return Sql.update(db, "INSERT INTO idempotency_keys (account_id, idem_key, operation_id, "
                    + "request_digest, status, answer, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    accountId, key, operationId, fingerprint, outcome.status(), stored, now.plus(RETENTION));
        });
    }

    private static String write(Outcome outcome) {
        ObjectNode stored = Json.MAPPER.createObjectNode();
        if (outcome.problem() == null) {
            stored.set("result", outcome.result());
        } else {
            ApiProblem problem = outcome.problem();
            ObjectNode error = stored.putObject("error");
            error.put("code", problem.code());
            error.put("message", problem.getMessage());
            error.set("details", Json.MAPPER.valueToTree(problem.details() == null ? Map.of() : problem.details()));
            error.set("headers", Json.MAPPER.valueToTree(problem.headers()));
        }
        try {
            return Json.MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the answer", e);
        }
    }

    private static Outcome read(int status, String text) {
        try {
            JsonNode stored = Json.MAPPER.readTree(text);
            if (stored.has("result")) {
                return new Outcome(status, stored.get("result"), null, true);
            }
            JsonNode error = stored.get("error");
            Map<String, String> headers = new LinkedHashMap<>();
            error.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            @SuppressWarnings("unchecked")
            Map<String, Object> details = Json.MAPPER.convertValue(error.path("details"), Map.class);
            return new Outcome(status, null, new ApiProblem(status, error.path("code").asText(),
                    error.path("message").asText(), details, headers), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not JSON", e);
        }
    }

    /** The SHA-256 of the operation, the path and the body with its keys in order. */
    private static byte[] fingerprint(String operationId, String path, JsonNode body) {
        try {
            Object canonicalBody = body == null || body.isMissingNode() ? null : CANONICAL.treeToValue(body, Object.class);
            String text = operationId + "\n" + path + "\n" + CANONICAL.writeValueAsString(canonicalBody);
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
