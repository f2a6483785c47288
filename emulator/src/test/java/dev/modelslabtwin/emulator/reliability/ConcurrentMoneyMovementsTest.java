package dev.modelslabtwin.emulator.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ContractExamples;
import dev.modelslabtwin.emulator.TestEmulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 32 clients at once move money on a few shared accounts — card top-ups (some declined), usage spent
 * through the control API (some of it triggering auto-funding), coupon redemptions raced by everyone,
 * reseller withdrawals, subscriptions, custom charges, with reads in between — and afterwards the books
 * hold: every balance is the sum of its ledger, every acknowledged movement is in it exactly once, and
 * nothing was refused but for a business reason the contract documents.
 */
class ConcurrentMoneyMovementsTest {

    static final int CLIENTS = 32;
    static final int REQUESTS_PER_CLIENT = 120;
    static final int COUPONS = 30;
    static final long SEED = 20_260_501L;

    /** One request and its answer, as a client saw it. */
    record Call(String operation, long accountId, BigDecimal amount, LoadClient.Reply reply) {
    }

    /** A shared account: its id, token and whether it may withdraw. */
    record Account(long id, String token, boolean reseller) {
    }

    @RegisterExtension
    static final TestEmulator emulator = TestEmulator.sharedWithoutReset();
    private static final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private static List<Account> accounts;

    @BeforeAll
    static void thirtyTwoClientsMoveMoneyAtOnce() throws Exception {
        LoadClient client = new LoadClient(emulator.emulator().baseUrl());
        accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean reseller = i >= 4;
            LoadClient.Reply created = client.control("POST", "/accounts", "{\"balance\": 100.00, \"reseller\": " + reseller
                    + ", \"payment_methods\": [\"pm_card_visa\"]}");
            assertEquals(201, created.status(), created.body());
            accounts.add(new Account(created.data().path("id").asLong(),
                    created.data().path("tokens").get(0).path("token").asText(), reseller));
        }
        for (Account autoFunded : accounts.subList(0, 2)) {
            LoadClient.Reply on = client.api("PUT", "/wallet/auto-funding", autoFunded.token(),
                    "{\"auto_charge_amount\": 25.00, \"charge_threshold\": 20.00}");
            assertEquals(200, on.status(), on.body());
        }
        StringBuilder coupons = new StringBuilder("{\"coupons\": [{\"code\": \"LIMITED3\", \"kind\": \"credit\", "
                + "\"credit_amount\": 7.00, \"max_redemptions\": 3}");
        for (int i = 0; i < COUPONS; i++) {
            coupons.append(", {\"code\": \"RACE").append(i).append("\", \"kind\": \"credit\", \"credit_amount\": ")
                    .append(1 + i % 9).append(".25}");
        }
        LoadClient.Reply seeded = client.control("POST", "/seed", coupons.append("]}").toString());
        assertEquals(200, seeded.status(), seeded.body());

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        AtomicLong keys = new AtomicLong();
        long began = System.nanoTime();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(SEED + c);
                clients.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        calls.add(oneOperation(client, random, keys));
                    }
                    return null;
                }));
            }
            for (Future<?> running : clients) {
                running.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = Figures.seconds(began);
        Map<String, Long> outcomes = calls.stream().collect(Collectors.groupingBy(
                call -> call.operation() + " " + call.reply().status() + (call.reply().errorCode() == null ? "" : " " + call.reply().errorCode()),
                TreeMap::new, Collectors.counting()));
        Figures.print("concurrency", "%d clients, %d requests in %.1f s (%.0f requests/s); outcomes %s",
                CLIENTS, calls.size(), seconds, calls.size() / seconds, outcomes);
    }

    @Test
    void everyBalanceEqualsTheSumOfItsLedgerAndNoPaymentIsCreditedTwice() {
        LedgerAudit.Findings findings = emulator.database().transaction(LedgerAudit::audit);

        Figures.print("concurrency", "audit of %d wallets and %d ledger entries: %d discrepancies",
                findings.wallets(), findings.entries(), findings.discrepancies().size());
        assertEquals(List.of(), first(findings.discrepancies()));
    }

    @Test
    void everyAcknowledgedMovementIsInTheLedgerExactlyOnce() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Call call : succeeded()) {
            JsonNode data = call.reply().data();
            switch (call.operation()) {
                case "fund", "charge" -> {
                    checked++;
                    expectEntries(problems, call, "transaction_id = ? AND type = 'credit'", data.path("payment").path("payment_intent_id").asText(), 1);
                }
                case "usage", "withdraw" -> {
                    checked++;
                    expectEntries(problems, call, "id = ? AND type = 'debit' AND amount = " + call.amount().toPlainString(),
                            data.path("transaction_id").asLong(), 1);
                }
                case "redeem" -> {
                    checked++;
                    expectEntries(problems, call, "transaction_id = ? AND source = 'coupon'", data.path("coupon_code").asText(), 1);
                }
                default -> {
                }
            }
        }
        for (Account account : accounts) {
            long usage = succeeded().stream().filter(c -> c.accountId() == account.id())
                    .filter(c -> c.operation().equals("usage") || c.operation().equals("withdraw")).count();
            long autoFunded = succeeded().stream().filter(c -> c.accountId() == account.id() && c.operation().equals("usage"))
                    .filter(c -> c.reply().data().path("auto_funding").path("succeeded").asBoolean(false)).count();
            long fundedOrRedeemed = succeeded().stream().filter(c -> c.accountId() == account.id())
                    .filter(c -> Set.of("fund", "charge", "redeem").contains(c.operation())).count();
            expectCount(problems, account, "type = 'debit' AND status = 'success'", usage);
            expectCount(problems, account, "usecase = 'auto_funding' AND status = 'success'", autoFunded);
            // The seeded balance is one more credit.
            expectCount(problems, account, "type = 'credit' AND status = 'success' AND usecase <> 'auto_funding'",
                    fundedOrRedeemed + 1);
        }
        Figures.print("concurrency", "%d acknowledged movements traced to their ledger entries", checked);
        assertEquals(List.of(), first(problems));
    }

    @Test
    void nothingIsRefusedButForADocumentedBusinessReason() {
        List<String> unexpected = new ArrayList<>();
        for (Call call : calls) {
            int status = call.reply().status();
            if (status < 400) {
                continue;
            }
            boolean business = Set.of(402, 409, 422).contains(status) && call.reply().errorCode() != null
                    && declared(call.operation(), status);
            if (!business) {
                unexpected.add(call.operation() + " → " + status + " " + call.reply().body());
            }
        }
        assertEquals(List.of(), first(unexpected));
        assertTrue(succeeded().size() > calls.size() / 2, "most requests succeed");
    }

    @Test
    void everyInvoiceHasANumberOfItsOwn() {
        long duplicated = emulator.database().transaction(db -> count(db,
                "SELECT COUNT(*) FROM (SELECT account_id, sequence FROM invoices GROUP BY account_id, sequence "
                + "HAVING COUNT(*) > 1) WHERE 1 = ?", 1));

        assertEquals(0, duplicated);
    }

    @Test
    void aCouponWithThreeRedemptionsLeftIsRedeemedThreeTimesWhenEveryoneRacesForIt() {
        long redeemed = emulator.database().transaction(db -> count(db,
                "SELECT COUNT(*) FROM coupon_redemptions WHERE coupon_code = ?", "LIMITED3"));

        assertEquals(Math.min(3, accounts.size()), redeemed);
    }

    private static Call oneOperation(LoadClient client, Random random, AtomicLong keys) {
        Account account = accounts.get(random.nextInt(accounts.size()));
        String key = "Idempotency-Key";
        String unique = "conc-" + keys.incrementAndGet();
        int dice = random.nextInt(100);
        if (dice < 25) {
            BigDecimal amount = cents(random, 1000, 6000);
            String card = random.nextInt(10) == 0 ? "pm_card_visa_chargeDeclined" : "pm_card_visa";
            return new Call("fund", account.id(), amount, client.api("POST", "/wallet/fund", account.token(),
                    "{\"amount\": " + amount + ", \"payment_method_id\": \"" + card + "\"}", key, unique));
        }
        if (dice < 50) {
            BigDecimal amount = cents(random, 100, 8000);
            return new Call("usage", account.id(), amount, client.control("POST", "/accounts/" + account.id() + "/usage",
                    "{\"amount\": " + amount + ", \"description\": \"load test\"}"));
        }
        if (dice < 60) {
            Account reseller = accounts.get(4 + random.nextInt(2));
            BigDecimal amount = cents(random, 100, 5000);
            return new Call("withdraw", reseller.id(), amount, client.api("POST", "/wallet/withdraw", reseller.token(),
                    "{\"amount\": " + amount + "}", key, unique));
        }
        if (dice < 70) {
            String coupon = random.nextInt(5) == 0 ? "LIMITED3" : "RACE" + random.nextInt(COUPONS);
            return new Call("redeem", account.id(), null, client.api("POST", "/wallet/coupons/redeem", account.token(),
                    "{\"coupon_code\": \"" + coupon + "\"}", key, unique));
        }
        if (dice < 75) {
            BigDecimal amount = cents(random, 500, 4000);
            return new Call("charge", account.id(), amount, client.api("POST", "/subscriptions/charge-amount", account.token(),
                    "{\"amount\": " + amount + "}", key, unique));
        }
        if (dice < 80) {
            return new Call("subscribe", account.id(), null, client.api("POST", "/subscriptions", account.token(),
                    "{\"plan_id\": 20, \"payment_method_id\": \"pm_card_visa\"}", key, unique));
        }
        if (dice < 90) {
            return new Call("balance", account.id(), null, client.api("GET", "/wallet/balance", account.token(), null));
        }
        return new Call("transactions", account.id(), null, client.api("GET", "/wallet/transactions?limit=20", account.token(), null));
    }

    private static boolean declared(String operation, int status) {
        String operationId = switch (operation) {
            case "fund" -> "fundWallet";
            case "withdraw" -> "withdrawFromWallet";
            case "redeem" -> "redeemCoupon";
            case "charge" -> "chargeSubscriptionAmount";
            case "subscribe" -> "createSubscription";
            case "balance" -> "getWalletBalance";
            case "transactions" -> "listWalletTransactions";
            default -> null;
        };
        if (operationId == null) {
            // The control API's usage: only a short balance is a business refusal.
            return status == 422;
        }
        return ContractExamples.operation(operationId).node().path("responses").has(Integer.toString(status));
    }

    private static List<Call> succeeded() {
        synchronized (calls) {
            return calls.stream().filter(call -> call.reply().status() < 300).toList();
        }
    }

    private static void expectEntries(List<String> problems, Call call, String where, Object value, int expected) {
        long found = emulator.database().transaction(db -> count(db,
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = " + call.accountId() + " AND " + where, value));
        if (found != expected) {
            problems.add(call.operation() + " acknowledged " + call.reply().body() + " but the ledger has " + found + " entries for it");
        }
    }

    private static void expectCount(List<String> problems, Account account, String where, long expected) {
        long found = emulator.database().transaction(db -> count(db,
                "SELECT COUNT(*) FROM ledger_entries WHERE account_id = ? AND " + where, account.id()));
        if (found != expected) {
            problems.add("account " + account.id() + ": " + found + " ledger entries where " + where + ", but " + expected
                    + " acknowledged");
        }
    }

    private static long count(Connection db, String sql, Object parameter) throws java.sql.SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The first few of a list of findings, and how many there are: enough to see what went wrong. */
    static List<String> first(List<String> findings) {
        if (findings.size() <= 5) {
            return findings;
        }
        List<String> shown = new ArrayList<>(findings.subList(0, 5));
        shown.add("... " + findings.size() + " in all");
        return shown;
    }

    private static BigDecimal cents(Random random, int fromCents, int toCents) {
        return BigDecimal.valueOf(fromCents + random.nextInt(toCents - fromCents + 1), 2);
    }
}
