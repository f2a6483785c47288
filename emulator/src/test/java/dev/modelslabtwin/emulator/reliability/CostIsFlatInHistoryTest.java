package dev.modelslabtwin.emulator.reliability;

import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.RowsRead;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An operation reads as many rows, in as many statements, for an account with a long history as for
 * one with a short one: every lookup goes through an index to the rows it needs, counts are kept
 * rather than counted, and pages are found by position rather than skipped to. Counted with H2's
 * {@code EXPLAIN ANALYZE} of every statement the operation ran (timings would say nothing on a shared
 * machine).
 */
class CostIsFlatInHistoryTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static final int SHORT_HISTORY = 12;
    private static final int MORE_HISTORY = 120;

    private TestHttp http;
    private String savedCard;
    /** The card the history's payments are charged to: a one-off test card unless a test says otherwise. */
    private String historyCard = "pm_card_visa";
    private int keys;

    @BeforeEach
    void anAccountThatFundsItsWalletWithOneOffCards() {
        var account = emu.newAccount(new BigDecimal("5.00"), Set.of("*"));
        http = emu.as(account.token());
        savedCard = emu.database().transaction(db -> PaymentMethods.attach(db, account.id(), "pm_card_mastercard", true,
                emu.clock().instant()).id());
    }

    @Test
    void fundingWithAOneOffCardReadsNoMoreRowsAfterManyPayments() {
        assertFlat(http -> fund(), "POST /wallet/fund");
    }

    @Test
    void replayingAnIdempotentFundingReadsNoMoreRowsAfterManyPayments() {
        assertFlat(http -> {
            requireOk(http.post("/wallet/fund", oneOffTopUp(), "replayed-" + keys));
            return http.post("/wallet/fund", oneOffTopUp(), "replayed-" + keys++);
        }, "POST /wallet/fund, then again with its key");
    }

    @Test
    void readingTheBalanceReadsNoMoreRowsAfterManyPayments() {
        assertFlat(http -> http.get("/wallet/balance"), "GET /wallet/balance");
    }

    @Test
    void theNewestPageOfTransactionsReadsNoMoreRowsAfterManyPayments() {
        assertFlat(http -> http.get("/wallet/transactions?limit=10"), "GET /wallet/transactions?limit=10");
    }

    @Test
    void aPageFarBackReadsNoMoreRowsThanTheNewest() {
        payments(SHORT_HISTORY);
        RowsRead.Census newest = census(() -> requireOk(http.get("/wallet/transactions?limit=10")));
        payments(MORE_HISTORY);
        RowsRead.Census farBack = census(() -> requireOk(http.get("/wallet/transactions?limit=10&offset=" + MORE_HISTORY)));

        assertEquals(newest.total(), farBack.total(), "the page far back read more rows:\nnewest " + newest
                + "\nfar back " + farBack);
    }

    @Test
    void aPageOfOneTypeReadsNoMoreRowsAfterManyPayments() {
        assertFlat(http -> http.get("/wallet/transactions?type=credit&limit=5&offset=3"),
                "GET /wallet/transactions?type=credit");
    }

    /** The overview lists the saved cards (unpaged, as the contract has it): the history is of payments. */
    @Test
    void theBillingOverviewReadsNoMoreRowsAfterManyPayments() {
        historyCard = savedCard;
        assertFlat(http -> http.get("/billing/overview"), "GET /billing/overview");
    }

    @Test
    void aPaymentsStatusReadsNoMoreRowsAfterManyPayments() {
        assertFlat(http -> http.get("/payments/" + fund().json().path("data").path("payment").path("payment_intent_id")
                .asText() + "/status"), "GET /payments/{id}/status");
    }

    private void assertFlat(Function<TestHttp, TestHttp.Answer> operation, String name) {
        payments(SHORT_HISTORY);
        RowsRead.Census before = census(() -> requireOk(operation.apply(http)));
        payments(MORE_HISTORY);
        RowsRead.Census after = census(() -> requireOk(operation.apply(http)));

        assertEquals(before.statements(), after.statements(), name + " ran more statements:\nbefore " + before + "\nafter " + after);
        assertEquals(before.total(), after.total(), name + " read more rows:\nbefore " + before + "\nafter " + after);
    }

    /**
     * What the work read, but the token's last use: written at most once a second of real time, it comes
     * and goes with the clock whatever the history.
     */
    private static RowsRead.Census census(Runnable work) {
        return RowsRead.by(emu.database(), () -> {
            work.run();
            return null;
        }).without("UPDATE access_tokens SET last_used_at");
    }

    private void payments(int count) {
        for (int i = 0; i < count; i++) {
            requireOk(fund());
        }
    }

    private TestHttp.Answer fund() {
        return http.post("/wallet/fund", "{\"amount\": 10, \"payment_method_id\": \"" + historyCard + "\"}",
                "history-" + keys++);
    }

    private static String oneOffTopUp() {
        return "{\"amount\": 10, \"payment_method_id\": \"pm_card_visa\"}";
    }

    private static TestHttp.Answer requireOk(TestHttp.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer;
    }
}
