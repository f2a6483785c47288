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

import dev.modelslabtwin.emulator.stripe.FakeStripe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.attach;
import static dev.modelslabtwin.emulator.wallet.WalletTests.balance;
import static dev.modelslabtwin.emulator.wallet.WalletTests.fund;
import static dev.modelslabtwin.emulator.wallet.WalletTests.paidInvoices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Funding the wallet by card (the headless path: the card charged once, not saved), without a card (a
 * Checkout Session, nothing charged), and what a funding leaves in the ledger and invoices.
 */
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
    void fundingWithoutAPaymentMethodChargesNothingEvenWithASavedDefaultCard() {
        var account = emu.newAccount(new BigDecimal("4.00"), Set.of("*"));
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "10.50", null);

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        assertTrue(data.path("session_id").asText().startsWith("cs_test_"), answer.body());
        assertFalse(data.has("payment"), answer.body());
        assertFalse(data.has("balance"), "nothing was credited, so no new balance: " + answer.body());
        assertEquals(0, paymentIntents(account), "no card was charged");
        assertMoney("4.00", balance(http));
    }

    @Test
    void aTestCardShortcutIsChargedOnceAndNotSavedToTheAccount() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "20", "pm_card_amex");

        assertEquals(200, answer.status(), answer.body());
        String charged = answer.json().path("data").path("payment").path("payment_method_id").asText();
        assertTrue(charged.startsWith("pm_") && !charged.equals("pm_card_amex"), charged);
        assertEquals(List.of(), savedCards(account), "a one-off card is not saved");
        assertEquals(200, emu.as(account.token()).get("/billing/payment-methods").status());
        assertEquals(0, emu.as(account.token()).get("/billing/payment-methods").json().path("data").size());
        assertMoney("20.00", balance(http));
    }

    @Test
    void aOneOffChargeIsAPaymentIntentOfTheAccountsCustomerWithoutSetupFutureUsage() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        String paymentIntent = fund(http, "20", "pm_card_visa").json().path("data").path("payment")
                .path("payment_intent_id").asText();

        JsonNode intent = FakeStripe.secret(emu).get("/v1/payment_intents/" + paymentIntent).json();
        String customer = emu.database().transaction(db -> Sql.one(db, "SELECT stripe_customer_id FROM accounts WHERE id = ?",
                row -> row.getString(1), account.id()).orElseThrow());
        assertEquals(customer, intent.path("customer").asText(), intent.toString());
        assertTrue(intent.path("setup_future_usage").isNull(), intent.toString());
        assertEquals("succeeded", intent.path("status").asText());
        JsonNode card = FakeStripe.secret(emu).get("/v1/payment_methods/" + intent.path("payment_method").asText()).json();
        assertTrue(card.path("customer").isNull(), "the card stays unattached: " + card);
    }

    @Test
    void aTokenisedCardThatPaidOnceCannotPayAgainNorBeSaved() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String card = FakeStripe.basic(emu).tokenise("4242424242424242", "123").json().path("id").asText();

        TestHttp.Answer first = fund(http, "10", card);
        TestHttp.Answer second = fund(http, "10", card);
        TestHttp.Answer saving = http.post("/billing/payment-methods", "{\"payment_method_id\": \"" + card + "\"}");

        assertEquals(200, first.status(), first.body());
        for (TestHttp.Answer refused : new TestHttp.Answer[] {second, saving}) {
            assertEquals(422, refused.status(), refused.body());
            assertEquals("validation_error", refused.json().path("error").path("code").asText());
            assertTrue(refused.json().path("error").path("details").path("payment_method_id").get(0).asText()
                    .contains("It may not be used again"), refused.body());
        }
        assertMoney("10.00", balance(http));
        assertEquals(List.of(), savedCards(account));
    }

    @Test
    void aSavedCardIsChargedAgainAndAgainAndStaysTheOnlySavedCard() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        assertEquals(200, fund(http, "10", card).status());
        assertEquals(200, fund(http, "10", card).status());
        assertEquals(200, fund(http, "10", "pm_card_mastercard").status());

        assertMoney("30.00", balance(http));
        assertEquals(List.of(card), savedCards(account));
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
    void aCardStripeDeclinesAnswersTheDocumented402WithItsFailedPaymentIntentAndIsNotSaved(String testCard,
                                                                                         String declineCode) {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "25", testCard);

        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("payment_declined", error.path("code").asText());
        assertEquals("Your card was declined.", error.path("message").asText());
        assertEquals(declineCode, error.path("details").path("decline_code").asText());
        String paymentIntent = error.path("details").path("payment_intent_id").asText();
        assertTrue(paymentIntent.startsWith("pi_"), answer.body());
        JsonNode status = http.get("/payments/" + paymentIntent + "/status").json().path("data");
        assertEquals("failed", status.path("status").asText(), status.toString());
        assertEquals(declineCode, status.path("decline_code").asText());
        assertMoney("0.00", balance(http));
        assertEquals(List.of(), savedCards(account));
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
    void withoutACardFundingHandsBackACheckoutSessionAsAPaymentLinkDoesAndCreditsNothingYet() {
        var account = emu.newAccount(new BigDecimal("3.00"), Set.of("*"));
        TestHttp http = emu.as(account.token());
        Instant before = emu.clock().instant().truncatedTo(ChronoUnit.SECONDS);

        TestHttp.Answer answer = fund(http, "40", null);

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        String session = data.path("session_id").asText();
        assertTrue(session.startsWith("cs_test_"), session);
        assertEquals(emu.emulator().baseUrl() + "/checkout/" + session, data.path("payment_url").asText());
        assertEquals(data.path("payment_url").asText(), data.path("checkout_url").asText());
        Duration lifetime = Duration.between(before, OffsetDateTime.parse(data.path("expires_at").asText()).toInstant());
        assertTrue(lifetime.compareTo(Duration.ofMinutes(30)) >= 0 && lifetime.compareTo(Duration.ofMinutes(31)) < 0,
                lifetime::toString);
        assertTrue(data.path("instructions").asText().contains("POST /wallet/confirm-checkout"), answer.body());
        assertFalse(data.has("payment"));
        assertFalse(data.has("balance"));
        assertMoney("40.00", data.path("amount"));
        assertMoney("3.00", balance(http));
        assertEquals(409, http.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}").status());
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

    @ParameterizedTest
    @CsvSource({"pm_card_visa, 200", "pm_card_chargeDeclinedInsufficientFunds, 402"})
    void aRetriedFundingIsAnsweredWithTheFirstAnswerByteForByteButItsMeta(String card, int status) {
        TestHttp http = emu.as(emu.newAccount().token());
        String body = "{\"amount\": 12.34, \"payment_method_id\": \"" + card + "\"}";

        TestHttp.Answer first = http.post("/wallet/fund", body, "replayed-exactly");
        TestHttp.Answer retry = http.post("/wallet/fund", body, "replayed-exactly");

        assertEquals(status, first.status(), first.body());
        assertEquals(status, retry.status(), retry.body());
        assertEquals(beforeMeta(first.body()), beforeMeta(retry.body()));
    }

    /** The answer's text up to its meta (a new request id on every answer, and whether it is a replay). */
    private static String beforeMeta(String body) {
        int meta = body.lastIndexOf(",\"meta\":");
        assertTrue(meta > 0, body);
        return body.substring(0, meta);
    }

    @Test
    void aTokenWithoutWalletWriteCannotFund() {
        var account = emu.newAccount(BigDecimal.ZERO, Set.of("wallet:read"));
        String card = attach(emu, account, "pm_card_visa");

        TestHttp.Answer answer = fund(emu.as(account.token()), "25", card);

        assertEquals(403, answer.status());
        assertMoney("0.00", balance(emu.as(account.token())));
    }

    /** The ids of the account's saved cards, as {@code GET /billing/payment-methods} lists them. */
    private static List<String> savedCards(TestEmulator.TestAccount account) {
        return emu.database().transaction(db -> PaymentMethods.list(db, account.id())).stream()
                .map(PaymentMethods.Card::id).toList();
    }

    private static int paymentIntents(TestEmulator.TestAccount account) {
        return emu.database().transaction(db -> Sql.number(db, "SELECT COUNT(*) FROM payment_intents WHERE account_id = ?",
                account.id())).intValue();
    }
}
