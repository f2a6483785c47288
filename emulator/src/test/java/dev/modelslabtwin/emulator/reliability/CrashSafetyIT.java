package dev.modelslabtwin.emulator.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged emulator on a file database, killed with SIGKILL in the middle of a load of money
 * movements, twice, and started again each time: every movement a client was told succeeded is still
 * there, every balance equals its ledger, a retry with the same Idempotency-Key of a request the kill
 * left unanswered acts at most once in all, and the database file audits clean — nothing half-written.
 */
class CrashSafetyIT {

    static final String OWNER = "1|twin_default_token_0123456789abcdefghijkl";
    static final String RESELLER = "2|twin_reseller_token_0123456789abcdefghij";
    static final int CLIENTS = 8;
    static final int KILLS = 2;
    static final long LOAD_MILLIS = 2_000;

    /** One request as a client sent it, and what came back (null: the kill left it unanswered). */
    record Sent(String operation, String token, String key, String body, LoadClient.Reply reply) {
    }

    private static final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> lostAfterRestart = new ArrayList<>();
    private static final List<String> ledgerMismatches = new ArrayList<>();
    private static final Map<String, LoadClient.Reply> retried = new TreeMap<>();
    private static Path directory;
    private static Path database;

    @BeforeAll
    static void killedTwiceUnderLoad() throws Exception {
        directory = Files.createTempDirectory("crash-safety");
        database = directory.resolve("twin");
        for (int round = 1; round <= KILLS; round++) {
            EmulatorProcess emulator = start("run-" + round);
            List<Sent> before = List.copyOf(sent);
            long killedAt = loadThenKill(emulator, round);
            Figures.print("crash safety", "round %d: %d requests answered, %d unanswered, killed %d ms into the load",
                    round, sent.stream().skip(before.size()).filter(s -> s.reply() != null).count(),
                    sent.stream().skip(before.size()).filter(s -> s.reply() == null).count(), killedAt);
            try (EmulatorProcess restarted = start("after-kill-" + round)) {
                LoadClient client = new LoadClient(restarted.baseUrl());
                lostAfterRestart.addAll(lost(client));
                ledgerMismatches.addAll(balanceAgainstLedger(client));
                if (round == KILLS) {
                    retryUnanswered(client);
                    lostAfterRestart.addAll(lost(client));
                    ledgerMismatches.addAll(balanceAgainstLedger(client));
                }
            }
        }
    }

    @Test
    void everyMovementAcknowledgedBeforeAKillIsThereAfterTheRestart() {
        long acknowledged = sent.stream().filter(s -> s.reply() != null && s.reply().status() < 300).count();
        Figures.print("crash safety", "%d acknowledged movements checked after restarts: %d lost", acknowledged,
                lostAfterRestart.size());
        assertTrue(acknowledged > 100, "the load moved money: " + acknowledged);
        assertEquals(List.of(), ConcurrentMoneyMovementsTest.first(lostAfterRestart));
    }

    @Test
    void everyBalanceEqualsItsLedgerAfterEveryRestart() {
        assertEquals(List.of(), ConcurrentMoneyMovementsTest.first(ledgerMismatches));
    }

    @Test
    void aRequestTheKillLeftUnansweredActsAtMostOnceWhenRetriedWithItsKey() throws Exception {
        List<String> doubled = new ArrayList<>();
        try (Connection db = open()) {
            for (Map.Entry<String, LoadClient.Reply> retry : retried.entrySet()) {
                LoadClient.Reply reply = retry.getValue();
                assertTrue(reply.status() < 500, retry.getKey() + " retried: " + reply.body());
                if (reply.status() < 300) {
                    JsonNode data = reply.data();
                    String reference = data.has("payment") ? data.path("payment").path("payment_intent_id").asText()
                            : data.path("transaction_id").asText();
                    long entries = count(db, data.has("payment")
                            ? "SELECT COUNT(*) FROM ledger_entries WHERE transaction_id = ?"
                            : "SELECT COUNT(*) FROM ledger_entries WHERE id = CAST(? AS BIGINT)", reference);
                    if (entries != 1) {
                        doubled.add(retry.getKey() + " → " + entries + " ledger entries for " + reference);
                    }
                }
            }
            long keyedSuccesses = sent.stream().filter(s -> s.key() != null && s.reply() != null && s.reply().status() < 300)
                    .map(Sent::key).distinct().count()
                    + retried.entrySet().stream().filter(r -> r.getValue().status() < 300 && sent.stream().noneMatch(
                            s -> r.getKey().equals(s.key()) && s.reply() != null)).count();
            long movements = count(db, "SELECT COUNT(*) FROM ledger_entries WHERE status = 'success' "
                    + "AND (source = 'stripe' OR usecase = 'withdrawal')", null);
            Figures.print("crash safety", "%d unanswered keyed requests retried after the restart (%d answered as replays: "
                    + "done before the kill); %d keys acted, %d card and withdrawal entries in the ledger", retried.size(),
                    retried.values().stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count(),
                    keyedSuccesses, movements);
            assertEquals(keyedSuccesses, movements, "each key acted once");
        }
        assertEquals(List.of(), doubled);
    }

    @Test
    void theDatabaseFileAuditsCleanWithNothingHalfWritten() throws Exception {
        LedgerAudit.Findings findings;
        try (Connection db = open()) {
            findings = LedgerAudit.audit(db);
            long orphans = count(db, "SELECT COUNT(*) FROM payment_intents p WHERE p.status = 'succeeded' "
                    + "AND p.purpose = 'wallet_funding' AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.payment_intent_id = p.id)", null);
            assertEquals(0, orphans, "succeeded top-ups without their invoice");
        }
        Figures.print("crash safety", "database file audit: %d wallets, %d ledger entries, %d discrepancies",
                findings.wallets(), findings.entries(), findings.discrepancies().size());
        assertEquals(List.of(), findings.discrepancies());
    }

    private static EmulatorProcess start(String name) throws Exception {
        long began = System.nanoTime();
        EmulatorProcess emulator = EmulatorProcess.start(directory.resolve(name + ".log"), "--db", "file:" + database,
                "--rate-limits", "off", "--request-log", "off");
        Figures.print("crash safety", "%s: emulator (pid %d) answering after %.1f s", name, emulator.pid(), Figures.seconds(began));
        return emulator;
    }

    /** {@link #CLIENTS} threads move money until the emulator is killed, {@link #LOAD_MILLIS} in; when it was killed. */
    private static long loadThenKill(EmulatorProcess emulator, int round) throws Exception {
        LoadClient client = new LoadClient(emulator.baseUrl());
        AtomicBoolean alive = new AtomicBoolean(true);
        AtomicLong keys = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long began = System.currentTimeMillis();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(round * 100L + c);
                clients.add(pool.submit(() -> {
                    while (alive.get()) {
                        sent.add(oneMovement(client, random, "r" + round + "-" + keys.incrementAndGet()));
                    }
                    return null;
                }));
            }
            Thread.sleep(LOAD_MILLIS);
            emulator.kill();
            long killedAt = System.currentTimeMillis() - began;
            alive.set(false);
            for (Future<?> running : clients) {
                running.get();
            }
            return killedAt;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Sent oneMovement(LoadClient client, Random random, String key) {
        int dice = random.nextInt(10);
        String operation;
        String token;
        String path;
        String body;
        if (dice < 5) {
            operation = "fund";
            token = random.nextBoolean() ? OWNER : RESELLER;
            path = "/api/agents/v1/wallet/fund";
            body = "{\"amount\": " + (10 + random.nextInt(40)) + "." + (10 + random.nextInt(90))
                    + ", \"payment_method_id\": \"pm_card_visa\"}";
        } else if (dice < 8) {
            operation = "withdraw";
            token = RESELLER;
            path = "/api/agents/v1/wallet/withdraw";
            body = "{\"amount\": " + (1 + random.nextInt(9)) + ".25}";
        } else {
            operation = "usage";
            token = null;
            key = null;
            path = "/_emulator/accounts/1/usage";
            body = "{\"amount\": 0." + (10 + random.nextInt(90)) + "}";
        }
        return new Sent(operation, token, key, body, send(client, path, token, key, body));
    }

    private static LoadClient.Reply send(LoadClient client, String path, String token, String key, String body) {
        List<String> headers = new ArrayList<>();
        if (token != null) {
            headers.addAll(List.of("Authorization", "Bearer " + token));
        }
        if (key != null) {
            headers.addAll(List.of("Idempotency-Key", key));
        }
        try {
            return client.attempt("POST", path, body, headers.toArray(String[]::new));
        } catch (IOException killed) {
            return null;
        }
    }

    /** Every acknowledged movement not found in its account's ledger, as the API lists it. */
    private static List<String> lost(LoadClient client) {
        Map<String, List<JsonNode>> ledgers = Map.of(OWNER, ledger(client, OWNER), RESELLER, ledger(client, RESELLER));
        List<String> lost = new ArrayList<>();
        List<Sent> acknowledged = new ArrayList<>();
        synchronized (sent) {
            sent.stream().filter(s -> s.reply() != null && s.reply().status() < 300).forEach(acknowledged::add);
        }
        retried.forEach((key, reply) -> {
            if (reply.status() < 300) {
                acknowledged.add(new Sent("retry", null, key, null, reply));
            }
        });
        for (Sent movement : acknowledged) {
            JsonNode data = movement.reply().data();
            boolean found;
            if (data.has("payment")) {
                String payment = data.path("payment").path("payment_intent_id").asText();
                found = ledgers.values().stream().flatMap(List::stream)
                        .anyMatch(entry -> payment.equals(entry.path("transaction_id").asText()));
            } else {
                long entry = data.path("transaction_id").asLong();
                found = ledgers.values().stream().flatMap(List::stream).anyMatch(e -> e.path("id").asLong() == entry);
            }
            if (!found) {
                lost.add(movement.operation() + " " + movement.key() + " acknowledged " + movement.reply().body());
            }
        }
        return lost;
    }

    private static List<String> balanceAgainstLedger(LoadClient client) {
        List<String> mismatches = new ArrayList<>();
        for (String token : List.of(OWNER, RESELLER)) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode entry : ledger(client, token)) {
                if (entry.path("status").asText().equals("success")) {
                    BigDecimal amount = entry.path("amount").decimalValue();
                    sum = entry.path("type").asText().equals("credit") ? sum.add(amount) : sum.subtract(amount);
                }
            }
            BigDecimal balance = client.api("GET", "/wallet/balance", token, null).data().path("balance").decimalValue();
            if (balance.compareTo(sum) != 0) {
                mismatches.add("token " + token.substring(0, 2) + ": balance " + balance + ", ledger " + sum);
            }
        }
        return mismatches;
    }

    /** Every ledger entry of the token's account, read page by page through the API. */
    private static List<JsonNode> ledger(LoadClient client, String token) {
        List<JsonNode> entries = new ArrayList<>();
        for (int offset = 0; ; offset += 200) {
            JsonNode page = client.api("GET", "/wallet/transactions?limit=200&offset=" + offset, token, null).data();
            page.path("items").forEach(entries::add);
            if (page.path("items").size() < 200) {
                return entries;
            }
        }
    }

    /** Sends again, with its key and body, every keyed request the kills left unanswered. */
    private static void retryUnanswered(LoadClient client) {
        List<Sent> unanswered;
        synchronized (sent) {
            unanswered = sent.stream().filter(s -> s.reply() == null && s.key() != null).collect(Collectors.toList());
        }
        for (Sent request : unanswered) {
            String path = request.operation().equals("fund") ? "/api/agents/v1/wallet/fund" : "/api/agents/v1/wallet/withdraw";
            retried.put(request.key(), send(client, path, request.token(), request.key(), request.body()));
        }
    }

    private static Connection open() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + database);
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
