package dev.modelslabtwin.emulator.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many clients send the same request with the same {@code Idempotency-Key} at the same instant, as
 * retrying agents do after a timeout: the operation acts once, and every one of them gets the same
 * answer — the first one's, replayed.
 */
class OneIdempotencyKeyUnderContentionTest {

    static final int CONCURRENT = 32;
    static final int KEYS = 5;

    @RegisterExtension
    static final TestEmulator emulator = TestEmulator.shared();
    private static LoadClient client;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        client = new LoadClient(emulator.emulator().baseUrl());
        pool = Executors.newFixedThreadPool(CONCURRENT);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void aFundingRequestSentAtOnceByManyClientsChargesOnceAndAnswersThemAlike() throws Exception {
        for (int k = 0; k < KEYS; k++) {
            Account account = account(false);
            String key = "fund-race-" + k;
            List<LoadClient.Reply> replies = race(i -> client.api("POST", "/wallet/fund", account.token(),
                    "{\"amount\": 25.00, \"payment_method_id\": \"pm_card_visa\"}", "Idempotency-Key", key));

            assertAlike(replies, 200);
            String payment = replies.get(0).data().path("payment").path("payment_intent_id").asText();
            assertEquals(1, count("SELECT COUNT(*) FROM ledger_entries WHERE transaction_id = ?", payment));
            assertEquals(1, count("SELECT COUNT(*) FROM payment_intents WHERE account_id = ?", account.id()));
            assertEquals(0, new BigDecimal("125.00").compareTo(balance(account)));
        }
    }

    @Test
    void aWithdrawalSentAtOnceByManyClientsDebitsOnce() throws Exception {
        for (int k = 0; k < KEYS; k++) {
            Account reseller = account(true);
            String key = "withdraw-race-" + k;
            List<LoadClient.Reply> replies = race(i -> client.api("POST", "/wallet/withdraw", reseller.token(),
                    "{\"amount\": 30.00}", "Idempotency-Key", key));

            assertAlike(replies, 200);
            assertEquals(1, count("SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND type = 'debit'", reseller.id()));
            assertEquals(0, new BigDecimal("70.00").compareTo(balance(reseller)));
        }
    }

    @Test
    void aCouponRedemptionSentAtOnceByManyClientsCreditsOnce() throws Exception {
        for (int k = 0; k < KEYS; k++) {
            Account account = account(false);
            String key = "redeem-race-" + k;
            List<LoadClient.Reply> replies = race(i -> client.api("POST", "/wallet/coupons/redeem", account.token(),
                    "{\"coupon_code\": \"WELCOME10\"}", "Idempotency-Key", key));

            assertAlike(replies, 200);
            assertEquals(1, count("SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND source = 'coupon'", account.id()));
            assertEquals(0, new BigDecimal("110.00").compareTo(balance(account)));
        }
    }

    @Test
    void aDeclineIsReplayedAlikeToEveryClientAndChargesNothing() throws Exception {
        for (int k = 0; k < KEYS; k++) {
            Account account = account(false);
            String key = "declined-race-" + k;
            List<LoadClient.Reply> replies = race(i -> client.api("POST", "/subscriptions/charge-amount", account.token(),
                    "{\"amount\": 15.00, \"payment_method_id\": \"pm_card_chargeCustomerFail\"}", "Idempotency-Key", key));

            assertAlike(replies, 402);
            assertEquals(1, count("SELECT COUNT(*) FROM payment_intents WHERE account_id = ?", account.id()));
            assertEquals(0, new BigDecimal("100.00").compareTo(balance(account)));
        }
    }

    @Test
    void oneKeySentAtOnceWithDifferentBodiesActsForOneAndRefusesTheOthersAsConflicts() throws Exception {
        for (int k = 0; k < KEYS; k++) {
            Account account = account(false);
            String key = "conflict-race-" + k;
            List<LoadClient.Reply> replies = race(i -> client.api("POST", "/wallet/fund", account.token(),
                    "{\"amount\": " + (10 + i) + ".00, \"payment_method_id\": \"pm_card_visa\"}", "Idempotency-Key", key));

            Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(LoadClient.Reply::status,
                    TreeMap::new, Collectors.counting()));
            assertEquals(Map.of(200, 1L, 409, (long) CONCURRENT - 1), statuses);
            replies.stream().filter(reply -> reply.status() == 409)
                    .forEach(reply -> assertEquals("idempotency_conflict", reply.errorCode(), reply.body()));
            assertEquals(1, count("SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND source = 'stripe'", account.id()));
        }
    }

    @Test
    void aCouponWithFiveRedemptionsLeftIsRedeemedFiveTimesWhenThirtyTwoAccountsRaceForIt() throws Exception {
        for (int k = 0; k < KEYS; k++) {
            String coupon = "RACE5-" + k;
            LoadClient.Reply seeded = client.control("POST", "/seed", "{\"coupons\": [{\"code\": \"" + coupon
                    + "\", \"kind\": \"credit\", \"credit_amount\": 3.00, \"max_redemptions\": 5}]}");
            assertEquals(200, seeded.status(), seeded.body());
            List<Account> racers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                racers.add(account(false));
            }
            List<LoadClient.Reply> replies = race(i -> client.api("POST", "/wallet/coupons/redeem", racers.get(i).token(),
                    "{\"coupon_code\": \"" + coupon + "\"}"));

            Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(LoadClient.Reply::status,
                    TreeMap::new, Collectors.counting()));
            assertEquals(Map.of(200, 5L, 422, (long) CONCURRENT - 5), statuses);
            assertEquals(5, count("SELECT COUNT(*) FROM coupon_redemptions WHERE coupon_code = ?", coupon));
        }
    }

    private record Account(long id, String token) {
    }

    private static Account account(boolean reseller) {
        LoadClient.Reply created = client.control("POST", "/accounts", "{\"balance\": 100.00, \"reseller\": " + reseller
                + ", \"payment_methods\": [\"pm_card_visa\"]}");
        assertEquals(201, created.status(), created.body());
        return new Account(created.data().path("id").asLong(), created.data().path("tokens").get(0).path("token").asText());
    }

    /** The same request from {@link #CONCURRENT} threads released together; the answers in the order sent. */
    private static List<LoadClient.Reply> race(IntFunction<LoadClient.Reply> request) throws Exception {
        CyclicBarrier together = new CyclicBarrier(CONCURRENT);
        List<Future<LoadClient.Reply>> sent = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < CONCURRENT; i++) {
            int client = i;
            sent.add(pool.submit(() -> {
                together.await();
                return request.apply(client);
            }));
        }
        List<LoadClient.Reply> replies = new ArrayList<>();
        for (Future<LoadClient.Reply> reply : sent) {
            replies.add(reply.get());
        }
        Figures.print("idempotency", "%d concurrent requests with one key answered in %.0f ms: %d replays",
                CONCURRENT, Figures.seconds(began) * 1000,
                replies.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count());
        return replies;
    }

    /** Every reply has {@code status} and the same data or error; all but one are marked as replays. */
    private static void assertAlike(List<LoadClient.Reply> replies, int status) {
        JsonNode first = replies.get(0).json();
        for (LoadClient.Reply reply : replies) {
            assertEquals(status, reply.status(), reply.body());
            assertEquals(first.path("data"), reply.json().path("data"), reply.body());
            assertEquals(first.path("error"), reply.json().path("error"), reply.body());
        }
        assertEquals(CONCURRENT - 1, replies.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count());
    }

    private static BigDecimal balance(Account account) {
        return client.api("GET", "/wallet/balance", account.token(), null).data().path("balance").decimalValue();
    }

    private static long count(String sql, Object parameter) {
        return emulator.database().transaction(db -> {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                statement.setObject(1, parameter);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
