package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Accounts;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.EmulatorSeed;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.modelslabtwin.conformance.Steps.VISA;
import static dev.modelslabtwin.conformance.Steps.assertMoney;
import static dev.modelslabtwin.conformance.Steps.balance;
import static dev.modelslabtwin.conformance.Steps.fund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wallet: balance, ledger, funding by card (3D Secure and declines included), auto-funding, withdrawals. */
@ConformanceCheck
class WalletConformanceTest {

    private final Target target = Target.current();

    @Test
    @Verifies("envelope.every-answer")
    void theBalanceIsReadInUpperCaseDollars() {
        Answer balance = target.api().as(target.accounts().own().token()).get("/wallet/balance").expect(200);

        assertEquals("USD", balance.text("currency"));
        assertTrue(balance.money("balance").signum() >= 0, balance.body());
    }

    @Test
    @Verifies({"fundWallet.card-charged-at-once", "fundWallet.ledger-credit"})
    void fundingWithACardCreditsTheWalletAndShowsAsASucceededPaymentAndALedgerCredit() {
        target.assumeAllowed(Impact.MOVES_MONEY, "funding the wallet ($10)");
        Api api = target.api().as(target.accounts().own().token());
        BigDecimal before = balance(api);

        Answer funded = fund(api, "10.00", Steps.chargeableCard(target, api)).expect(200);

        JsonNode payment = funded.data().path("payment");
        assertEquals("succeeded", payment.path("status").asText(), funded.body());
        assertMoney(before.add(BigDecimal.TEN), funded.money("balance"));
        assertMoney(before.add(BigDecimal.TEN), balance(api));
        String intent = payment.path("payment_intent_id").asText();
        Answer status = api.get("/payments/" + intent + "/status").expect(200);
        assertEquals("succeeded", status.text("status"));
        assertMoney("10.00", status.money("amount"));
        assertEquals("usd", status.text("currency"));
        JsonNode newest = api.call("GET", "/wallet/transactions").query("type", "credit").query("limit", 1).send()
                .expect(200).data().path("items").get(0);
        assertEquals(intent, newest.path("transaction_id").asText(), newest.toString());
        assertEquals("wallet_funding", newest.path("usecase").asText());
        assertMoney("10.00", newest.path("amount").decimalValue());
    }

    @Test
    @Verifies({"fundWallet.three-d-secure-202",
            "fundWallet.credited-when-authenticated",
            "getPaymentStatus.pending-while-not-final",
            "payments.three-d-secure-page"})
    void aCardNeedingThreeDSecureLeavesTheFundingPendingUntilThePersonAuthenticates() {
        target.assumeEmulator("a person passes 3D Secure through the emulator's control API");
        Api api = target.api().as(target.accounts().fresh().token());

        Answer pending = fund(api, "25", "pm_card_authenticationRequired").expect(202);

        JsonNode payment = pending.data().path("payment");
        assertEquals("requires_action", payment.path("status").asText());
        assertTrue(payment.path("next_action_url").asText().startsWith("http"), pending.body());
        String intent = payment.path("payment_intent_id").asText();
        assertMoney("0.00", balance(api));
        assertEquals("pending", api.get("/payments/" + intent + "/status").expect(200).text("status"));

        target.control().authenticate(intent, true);

        assertEquals("succeeded", api.get("/payments/" + intent + "/status").expect(200).text("status"));
        assertMoney("25.00", balance(api));
    }

    @Test
    @Verifies("payments.declined-is-402-payment-declined")
    void aDeclinedCardIsA402WithTheDeclineCodeAndMovesNothing() {
        target.assumeEmulator("declines come from Stripe's test cards");
        Api api = target.api().as(target.accounts().fresh().token());

        Answer declined = fund(api, "25", "pm_card_visa_chargeDeclinedInsufficientFunds").expectError(402, "payment_declined");

        assertEquals("Your card was declined.", declined.json().path("error").path("message").asText());
        assertEquals("insufficient_funds", declined.details().path("decline_code").asText(), declined.body());
        assertTrue(declined.details().path("payment_intent_id").asText().startsWith("pi_"), declined.body());
        assertMoney("0.00", balance(api));
    }

    @Test
    @Verifies({"listWalletTransactions.newest-first", "listWalletTransactions.paging-and-totals"})
    void theLedgerFiltersByTypePagesAndAddsUp() {
        target.assumeEmulator("a known ledger needs a fresh account and spending through the control API");
        Accounts.Account account = target.accounts().fresh();
        Api api = target.api().as(account.token());
        fund(api, "10", Steps.saveCard(api, VISA)).expect(200);
        fund(api, "20", VISA).expect(200);
        target.control().spend(account.id(), new BigDecimal("5.00"));

        JsonNode all = api.get("/wallet/transactions").expect(200).data();
        JsonNode credits = api.call("GET", "/wallet/transactions").query("type", "credit").send().expect(200).data();
        JsonNode debits = api.call("GET", "/wallet/transactions").query("type", "debit").send().expect(200).data();
        JsonNode middle = api.call("GET", "/wallet/transactions").query("limit", 1).query("offset", 1).send().expect(200).data();

        assertEquals(3, all.path("total").asInt(), all.toString());
        assertEquals("debit", all.path("items").get(0).path("type").asText(), "newest first: " + all);
        assertEquals(2, credits.path("total").asInt());
        credits.path("items").forEach(item -> assertEquals("credit", item.path("type").asText()));
        assertEquals(1, debits.path("total").asInt());
        assertEquals(1, middle.path("count").asInt());
        assertEquals(3, middle.path("total").asInt());
        assertMoney("20.00", middle.path("items").get(0).path("amount").decimalValue());
        JsonNode wallet = all.path("wallet");
        assertMoney("25.00", wallet.path("balance").decimalValue());
        assertMoney("30.00", wallet.path("total_credited").decimalValue());
        assertMoney("5.00", wallet.path("amount_used").decimalValue());
    }

    @Test
    @Verifies("listWalletTransactions.paging-and-totals")
    void aLedgerPageNeverHoldsMoreThanAskedAndCountsWhatMatches() {
        Api api = target.api().as(target.accounts().own().token());
        if (target.isEmulator()) {
            for (String amount : new String[] {"10", "11", "12"}) {
                fund(api, amount, VISA).expect(200);
            }
        }

        JsonNode page = api.call("GET", "/wallet/transactions").query("type", "credit").query("limit", 2).send().expect(200).data();

        assertTrue(page.path("count").asInt() <= 2, page.toString());
        assertTrue(!target.isEmulator() || page.path("total").asInt() == 3 && page.path("count").asInt() == 2, page.toString());
        assertEquals(page.path("items").size(), page.path("count").asInt());
        assertTrue(page.path("total").asInt() >= page.path("count").asInt(), page.toString());
        page.path("items").forEach(item -> assertEquals("credit", item.path("type").asText()));
    }

    @Test
    @Verifies("setAutoFunding.charges-below-threshold")
    void autoFundingChargesTheDefaultCardWhenADebitCrossesTheThreshold() {
        target.assumeEmulator("spending credit goes through the emulator's control API");
        Accounts.Account account = target.accounts().fresh();
        Api api = target.api().as(account.token());
        fund(api, "10", Steps.saveCard(api, VISA)).expect(200);

        Answer enabled = api.put("/wallet/auto-funding", Json.object("auto_charge_amount", 25, "charge_threshold", 5)).expect(200);
        assertTrue(enabled.data().path("enabled").asBoolean());
        assertMoney("25.00", enabled.money("auto_charge_amount"));
        assertTrue(enabled.text("payment_method_id").startsWith("pm_"), enabled.body());

        target.control().spend(account.id(), new BigDecimal("7.00"));

        assertMoney("28.00", balance(api));
        JsonNode newest = api.call("GET", "/wallet/transactions").query("type", "credit").query("limit", 1).send()
                .expect(200).data().path("items").get(0);
        assertEquals("auto_funding", newest.path("usecase").asText(), newest.toString());
    }

    @Test
    @Verifies("disableAutoFunding.repeatable")
    void autoFundingIsTurnedOffIdempotentlyAndTakesTheCliFieldNames() {
        target.assumeAllowed(Impact.MOVES_MONEY, "arming auto-funding");
        Api api = target.api().as(target.accounts().own().token());
        if (target.isEmulator()) {
            Steps.saveCard(api, VISA);
        }
        try {
            Answer cli = api.put("/wallet/auto-funding", Json.object("amount", 30, "threshold", 2)).expect(200);
            assertMoney("30.00", cli.money("auto_charge_amount"));
            assertMoney("2.00", cli.money("charge_threshold"));
        } finally {
            Answer off = api.delete("/wallet/auto-funding").expect(200);
            assertEquals(false, off.data().path("enabled").asBoolean());
            assertTrue(off.data().path("auto_charge_amount").isNull(), off.body());
        }
        assertEquals(false, api.delete("/wallet/auto-funding").expect(200).data().path("enabled").asBoolean());
    }

    @Test
    @Verifies("setAutoFunding.needs-a-saved-card")
    void autoFundingNeedsASavedCard() {
        target.assumeEmulator("needs an account without cards");
        Api api = target.api().as(target.accounts().fresh().token());

        api.put("/wallet/auto-funding", Json.object("auto_charge_amount", 25, "charge_threshold", 5))
                .expectError(422, "validation_error");
    }

    @Test
    @Verifies({"withdrawFromWallet.resellers-only", "withdrawFromWallet.not-above-balance"})
    void onlyResellersWithdrawAndNeverMoreThanTheBalance() {
        target.assumeEmulator("withdrawals pay real money out; the emulator's seeded reseller shows them");
        Api stranger = target.api().as(target.accounts().fresh().token());
        Answer refused = stranger.post("/wallet/withdraw", Json.object("amount", 5)).expectError(403, "reseller_only");
        assertNull(refused.header("WWW-Authenticate"), "reseller_only is not an authentication failure");

        Api reseller = target.api().as(target.accounts().login(EmulatorSeed.reseller(), java.util.List.of("*")));
        BigDecimal before = balance(reseller);
        Answer withdrawn = reseller.post("/wallet/withdraw", Json.object("amount", 1.50)).expect(200);
        assertMoney(before.subtract(new BigDecimal("1.50")), withdrawn.money("balance"));
        JsonNode newest = reseller.call("GET", "/wallet/transactions").query("type", "debit").query("limit", 1).send()
                .expect(200).data().path("items").get(0);
        assertEquals(withdrawn.data().path("transaction_id").asLong(), newest.path("id").asLong(), newest.toString());

        Answer tooMuch = reseller.post("/wallet/withdraw", Json.object("amount", 10_000)).expectError(422, "insufficient_balance");
        assertTrue(tooMuch.details().size() > 0, tooMuch.body());
        assertMoney(before.subtract(new BigDecimal("1.50")), balance(reseller));
    }

    @Test
    void theStatusOfAPaymentIntentThatIsNotTheAccountsIsNotFound() {
        target.api().as(target.accounts().own().token()).get("/payments/pi_conformanceNoSuchIntent000/status")
                .expectError(404, "not_found");
    }
}
