package dev.modelslabtwin.emulator.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Set;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.attach;
import static dev.modelslabtwin.emulator.wallet.WalletTests.balance;
import static dev.modelslabtwin.emulator.wallet.WalletTests.fund;
import static dev.modelslabtwin.emulator.wallet.WalletTests.paidInvoices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Funding the wallet by card (the headless path) and what a funding leaves in the ledger and invoices. */
class WalletFundingTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void fundingWithASavedCardCreditsTheWalletAndShowsInTheLedgerAndInvoices() {
        var account = emu.newAccount(new BigDecimal("5.00"), Set.of("*"));
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "25", card);

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        assertEquals("Wallet funded successfully.", data.path("message").asText());
        assertMoney("25.00", data.path("amount"));
        assertMoney("30.00", data.path("balance"));
        assertEquals("USD", data.path("currency").asText());
        JsonNode payment = data.path("payment");
        assertEquals("succeeded", payment.path("status").asText());
        assertEquals(card, payment.path("payment_method_id").asText());
        assertEquals("usd", payment.path("currency").asText());
        String paymentIntent = payment.path("payment_intent_id").asText();
        assertTrue(paymentIntent.startsWith("pi_"));

        assertMoney("30.00", balance(http));
        JsonNode newest = WalletTests.transactions(http, "").path("items").get(0);
        assertEquals("credit", newest.path("type").asText());
        assertEquals("stripe", newest.path("source").asText());
        assertEquals(paymentIntent, newest.path("transaction_id").asText());
        assertEquals("wallet_funding", newest.path("usecase").asText());
        assertEquals("success", newest.path("status").asText());
        assertMoney("25.00", newest.path("amount"));
        assertEquals(1, paidInvoices(emu, account, paymentIntent));
    }

    @Test
    void fundingWithoutAPaymentMethodChargesTheDefaultCard() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_mastercard");
        String defaultCard = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "10.50", null);

        assertEquals(200, answer.status(), answer.body());
        assertEquals(defaultCard, answer.json().path("data").path("payment").path("payment_method_id").asText());
        assertMoney("10.50", balance(http));
    }

    @Test
    void aTestCardShortcutIsSavedToTheAccountAndCharged() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "20", "pm_card_amex");

        assertEquals(200, answer.status(), answer.body());
        String charged = answer.json().path("data").path("payment").path("payment_method_id").asText();
        assertTrue(charged.startsWith("pm_") && !charged.equals("pm_card_amex"), charged);
        assertEquals(charged, emu.database().transaction(db -> PaymentMethods.owned(db, account.id(), charged).id()));
        assertMoney("20.00", balance(http));
    }

    @Test
    void aCardDeclinedAtChargeAnswers402WithTheDeclineCodeAndLeavesTheBalanceAlone() {
        var account = emu.newAccount(new BigDecimal("7.00"), Set.of("*"));
        String card = attach(emu, account, "pm_card_chargeCustomerFail");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "25", card);

        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("payment_declined", error.path("code").asText());
        assertEquals("generic_decline", error.path("details").path("decline_code").asText());
        String paymentIntent = error.path("details").path("payment_intent_id").asText();
        assertMoney("7.00", balance(http));
        assertEquals(1, WalletTests.transactions(http, "").path("total").asInt(), "only the opening credit");
        assertEquals(0, paidInvoices(emu, account, paymentIntent));

        JsonNode status = http.get("/payments/" + paymentIntent + "/status").json().path("data");
        assertEquals("failed", status.path("status").asText());
        assertEquals("generic_decline", status.path("decline_code").asText());
        assertMoney("25.00", status.path("amount"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "pm_card_visa_chargeDeclined, generic_decline",
            "pm_card_visa_chargeDeclinedInsufficientFunds, insufficient_funds",
            "pm_card_visa_chargeDeclinedLostCard, lost_card",
            "pm_card_visa_chargeDeclinedStolenCard, stolen_card",
            "pm_card_chargeDeclinedExpiredCard, expired_card",
            "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc",
            "pm_card_chargeDeclinedProcessingError, processing_error",
            "pm_card_visa_chargeDeclinedVelocityLimitExceeded, card_velocity_exceeded",
            "pm_card_chargeDeclinedFraudulent, fraudulent"})
    void aCardStripeRefusesToAttachAnswers402WithItsDeclineCodeAndIsNotSaved(String testCard, String declineCode) {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "25", testCard);

        assertEquals(402, answer.status(), answer.body());
        assertEquals("payment_declined", answer.json().path("error").path("code").asText());
        assertEquals(declineCode, answer.json().path("error").path("details").path("decline_code").asText());
        assertMoney("0.00", balance(http));
        assertTrue(emu.database().transaction(db -> PaymentMethods.list(db, account.id())).isEmpty());
    }

    @Test
    void anAmountBelowTheMinimumOrAboveTheMaximumIsRefusedBeforeAnyCharge() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer tooSmall = fund(http, "9.99", card);
        TestHttp.Answer tooLarge = fund(http, "10000.01", card);
        TestHttp.Answer fractionOfACent = fund(http, "10.001", card);

        for (TestHttp.Answer answer : new TestHttp.Answer[] {tooSmall, tooLarge, fractionOfACent}) {
            assertEquals(422, answer.status(), answer.body());
            assertEquals("validation_error", answer.json().path("error").path("code").asText());
            assertTrue(answer.json().path("error").path("details").has("amount"), answer.body());
        }
        assertEquals(0, emu.database().transaction(db -> Sql.number(db,
                "SELECT COUNT(*) FROM payment_intents WHERE account_id = ?", account.id())).intValue());
        assertMoney("0.00", balance(http));
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        assertEquals(200, fund(http, "10", card).status());
        assertEquals(200, fund(http, "10000", card).status());

        assertMoney("10010.00", balance(http));
    }

    @Test
    void anUnknownCardOrAnotherAccountsCardIsAValidationErrorAndChargesNobody() {
        var owner = emu.newAccount();
        String ownersCard = attach(emu, owner, "pm_card_visa");
        var intruder = emu.newAccount();
        TestHttp http = emu.as(intruder.token());

        TestHttp.Answer foreign = fund(http, "25", ownersCard);
        TestHttp.Answer unknown = fund(http, "25", "pm_doesNotExist123");

        for (TestHttp.Answer answer : new TestHttp.Answer[] {foreign, unknown}) {
            assertEquals(422, answer.status(), answer.body());
            assertTrue(answer.json().path("error").path("details").has("payment_method_id"), answer.body());
        }
        assertEquals(0, emu.database().transaction(db -> Sql.number(db,
                "SELECT COUNT(*) FROM payment_intents WHERE payment_method_id = ?", ownersCard)).intValue());
        assertMoney("0.00", balance(emu.as(owner.token())));
    }

    @Test
    void withNoSavedCardFundingHandsBackACheckoutLinkAndCreditsNothingYet() {
        var account = emu.newAccount(new BigDecimal("3.00"), Set.of("*"));
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "40", null);

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        String session = data.path("session_id").asText();
        assertTrue(session.startsWith("cs_test_"), session);
        assertEquals(emu.emulator().baseUrl() + "/checkout/" + session, data.path("checkout_url").asText());
        assertEquals(data.path("checkout_url").asText(), data.path("checkout").path("payment_url").asText());
        assertEquals(session, data.path("checkout").path("session_id").asText());
        assertFalse(data.path("checkout").path("expires_at").asText().isBlank());
        assertFalse(data.has("payment"));
        assertMoney("40.00", data.path("amount"));
        assertMoney("3.00", data.path("balance"));
        assertMoney("3.00", balance(http));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyChargesOnce() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        String body = "{\"amount\": 15, \"payment_method_id\": \"" + card + "\"}";

        TestHttp.Answer first = http.post("/wallet/fund", body, "fund-15-retry");
        TestHttp.Answer retry = http.post("/wallet/fund", body, "fund-15-retry");

        assertEquals(200, retry.status(), retry.body());
        assertEquals(first.json().path("data").path("payment").path("payment_intent_id"),
                retry.json().path("data").path("payment").path("payment_intent_id"));
        assertMoney("15.00", balance(http));
    }

    @Test
    void aTokenWithoutWalletWriteCannotFund() {
        var account = emu.newAccount(BigDecimal.ZERO, Set.of("wallet:read"));
        attach(emu, account, "pm_card_visa");

        TestHttp.Answer answer = fund(emu.as(account.token()), "25", null);

        assertEquals(403, answer.status());
        assertMoney("0.00", balance(emu.as(account.token())));
    }
}
