package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.db.OlderSchema;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.core.EmulatedClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotentRequestsTest {

    private final EmulatedClock clock = EmulatedClock.system();
    private final Database database = Database.inMemory();
    private final IdempotentRequests requests = new IdempotentRequests(database, clock);
    private final AtomicInteger effects = new AtomicInteger();

    private IdempotentRequests.Outcome fund(long account, String key, String body) {
        return requests.run(account, key, "fundWallet", "/api/agents/v1/wallet/fund", json(body), () -> {
            int effect = effects.incrementAndGet();
            return IdempotentRequests.Outcome.success(200, json("{\"data\": {\"effect\": " + effect + "}}"));
        });
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerWithoutActingAgain() {
        IdempotentRequests.Outcome first = fund(1, "fund-25", "{\"amount\": 25}");
        IdempotentRequests.Outcome retry = fund(1, "fund-25", "{\"amount\": 25}");

        assertEquals(1, effects.get());
        assertFalse(first.replayed());
        assertTrue(retry.replayed());
        assertEquals(first.result(), retry.result());
        assertEquals(200, retry.status());
    }

    @Test
    void theSameBodyWithItsKeysInAnotherOrderIsTheSameRequest() {
        fund(1, "k", "{\"amount\": 25, \"payment_method_id\": \"pm_1\"}");
        assertTrue(fund(1, "k", "{\"payment_method_id\": \"pm_1\", \"amount\": 25}").replayed());
        assertEquals(1, effects.get());
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndActsNot() {
        fund(1, "fund-25", "{\"amount\": 25}");

        ApiProblem conflict = assertThrows(ApiProblem.class, () -> fund(1, "fund-25", "{\"amount\": 50}"));

        assertEquals(409, conflict.status());
        assertEquals("idempotency_conflict", conflict.code());
        assertEquals(Map.of("idempotency_key", "fund-25"), conflict.details());
        assertEquals(1, effects.get());
    }

    @Test
    void theSameKeyOnAnotherOperationIsAConflict() {
        fund(1, "shared", "{\"amount\": 25}");

        ApiProblem conflict = assertThrows(ApiProblem.class, () -> requests.run(1, "shared", "withdrawFromWallet",
                "/api/agents/v1/wallet/withdraw", json("{\"amount\": 25}"),
                () -> IdempotentRequests.Outcome.success(200, json("{}"))));
        assertEquals("idempotency_conflict", conflict.code());
    }

    @Test
    void keysOlderThanADayAreRetiredByNewKeysWithoutTheClockBeingAdvanced() {
        for (int i = 0; i < 5; i++) {
            fund(1, "old-" + i, "{\"amount\": 25}");
        }
        // The emulated clock moves as real time does: a day passes without anyone advancing it.
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        fund(2, "new-1", "{\"amount\": 25}");
        fund(2, "new-2", "{\"amount\": 25}");
        fund(2, "new-3", "{\"amount\": 25}");

        assertEquals(3, database.transaction(db -> Sql.number(db, "SELECT COUNT(*) FROM idempotency_keys")).intValue());
        assertFalse(fund(1, "old-0", "{\"amount\": 25}").replayed(), "an expired key acts again");
    }

    @Test
    void aKeyStoredByAnOlderEmulatorIsStillReplayedWithItsAnswer() {
        IdempotentRequests upgraded = new IdempotentRequests(keyStoredAtSchema9(), clock);

        IdempotentRequests.Outcome retry = upgraded.run(1, "old-key", "fundWallet", "/api/agents/v1/wallet/fund",
                json("{\"amount\": 25}"), () -> IdempotentRequests.Outcome.success(200, json("{\"acted\": true}")));

        assertTrue(retry.replayed());
        assertEquals(json("{\"data\": {\"effect\": 1, \"note\": \"vérifié\"}}"), retry.result());
    }

    @Test
    void aKeyStoredByAnOlderEmulatorStillRefusesAnotherBody() {
        IdempotentRequests upgraded = new IdempotentRequests(keyStoredAtSchema9(), clock);

        ApiProblem conflict = assertThrows(ApiProblem.class, () -> upgraded.run(1, "old-key", "fundWallet",
                "/api/agents/v1/wallet/fund", json("{\"amount\": 26}"),
                () -> IdempotentRequests.Outcome.success(200, json("{}"))));
        assertEquals("idempotency_conflict", conflict.code());
    }

    /**
     * A database written by an emulator before V11 (the fingerprint in hex, the answer as a CLOB), holding
     * the key {@code old-key} of {@code POST /wallet/fund} with {@code {"amount": 25}}, opened by this one.
     */
    private Database keyStoredAtSchema9() {
        String fingerprint = fingerprintInHex(requests, "{\"amount\": 25}");
        java.time.Instant now = clock.instant();
        return OlderSchema.at(9).with("INSERT INTO idempotency_keys (account_id, idem_key, operation_id, request_hash, status, "
                        + "response_body, created_at, expires_at) VALUES (1, 'old-key', 'fundWallet', ?, 200, ?, ?, ?)",
                fingerprint, "{\"result\":{\"data\":{\"effect\":1,\"note\":\"vérifié\"}}}", now, now.plus(Duration.ofHours(24)))
                .upgrade();
    }

    /** The fingerprint of a fund request as an older emulator stored it: read back from one stored now, in hex. */
    private String fingerprintInHex(IdempotentRequests current, String body) {
        current.run(99, "probe", "fundWallet", "/api/agents/v1/wallet/fund", json(body),
                () -> IdempotentRequests.Outcome.success(200, json("{}")));
        return database.transaction(db -> Sql.one(db, "SELECT RAWTOHEX(request_digest) FROM idempotency_keys "
                + "WHERE account_id = 99", row -> row.getString(1))).orElseThrow();
    }

    @Test
    void keysBelongToOneAccount() {
        fund(1, "fund-25", "{\"amount\": 25}");
        assertFalse(fund(2, "fund-25", "{\"amount\": 25}").replayed());
        assertEquals(2, effects.get());
    }

    @Test
    void aRefusalTheOperationMadeIsReplayedToo() {
        AtomicInteger attempts = new AtomicInteger();
        java.util.function.Supplier<IdempotentRequests.Outcome> declined = () -> {
            attempts.incrementAndGet();
            return IdempotentRequests.Outcome.failure(new ApiProblem(402, "payment_declined", "Your card was declined.",
                    Map.of("decline_code", "generic_decline")));
        };
        requests.run(1, "k", "fundWallet", "/p", json("{}"), declined);
        IdempotentRequests.Outcome replay = requests.run(1, "k", "fundWallet", "/p", json("{}"), declined);

        assertEquals(1, attempts.get());
        assertTrue(replay.replayed());
        assertEquals("payment_declined", replay.problem().code());
        assertEquals("generic_decline", replay.problem().details().get("decline_code"));
    }

    @Test
    void keysAreForgottenAfter24HoursOfEmulatedTime() {
        fund(1, "fund-25", "{\"amount\": 25}");
        clock.advance(Duration.ofHours(23));
        assertTrue(fund(1, "fund-25", "{\"amount\": 25}").replayed());

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        IdempotentRequests.Outcome afterExpiry = fund(1, "fund-25", "{\"amount\": 50}");

        assertFalse(afterExpiry.replayed());
        assertEquals(2, effects.get());
    }

    @Test
    void concurrentRequestsWithOneKeyUnderTheAccountsLockCauseExactlyOneEffect() throws Exception {
        CountedLocks<Long> accounts = new CountedLocks<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<IdempotentRequests.Outcome>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> accounts.holding(1L, () -> fund(1, "race", "{\"amount\": 25}")));
            }
            int replays = 0;
            for (Future<IdempotentRequests.Outcome> outcome : pool.invokeAll(calls)) {
                replays += outcome.get().replayed() ? 1 : 0;
            }
            assertEquals(1, effects.get());
            assertEquals(15, replays);
            assertEquals(0, accounts.inUse());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThousandKeysAreAThousandEffects() {
        for (int i = 0; i < 1000; i++) {
            fund(1, "unique-" + i, "{\"amount\": 25}");
        }

        assertEquals(1000, effects.get());
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
