package dev.modelslabtwin.emulator.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Set;

import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.assertMoney;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.attach;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.authenticate;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.charges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A custom charge of $5 to $10,000 on a card, credited to the wallet once it is paid. */
class ChargeAmountTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void theDefaultCardIsChargedAndTheAmountCreditedToTheWalletWithAnInvoice() {
        var account = emu.newAccount(new BigDecimal("75.50"), Set.of("*"));
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = charge(http, "{\"amount\": 50}");

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        assertMoney("50.00", data.path("amount"));
        assertMoney("125.50", data.path("balance"));
        JsonNode payment = data.path("payment");
        assertEquals("succeeded", payment.path("status").asText());
        assertEquals(card, payment.path("payment_method_id").asText());
        assertMoney("125.50", http.get("/wallet/balance").json().path("data").path("balance"));
        JsonNode credit = http.get("/wallet/transactions?type=credit&limit=1").json().path("data").path("items").get(0);
        assertEquals(payment.path("payment_intent_id").asText(), credit.path("transaction_id").asText());
        assertEquals("subscription", credit.path("usecase").asText());
        assertMoney("50.00", credit.path("amount"));
        String invoice = data.path("invoice_id").asText();
        assertEquals(payment.path("payment_intent_id").asText(), emu.database().transaction(db -> Sql.one(db,
                "SELECT payment_intent_id FROM invoices WHERE id = ? AND account_id = ? AND status = 'paid'",
                row -> row.getString(1), invoice, account.id())).orElseThrow());
    }

    @Test
    void aNamedCardIsChargedInsteadOfTheDefault() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = charge(http, "{\"amount\": 5, \"payment_method_id\": \"pm_card_amex\"}");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("amex", emu.database().transaction(db -> PaymentMethods.find(db,
                answer.json().path("data").path("payment").path("payment_method_id").asText()).orElseThrow().brand()));
        assertMoney("5.00", answer.json().path("data").path("balance"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.99", "10000.01", "0", "-5", "12.345"})
    void anAmountOutsideFiveToTenThousandDollarsIsRefusedAndNothingIsCharged(String amount) {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = charge(http, "{\"amount\": " + amount + "}");

        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.json().path("error").path("details").has("amount"));
        assertEquals(0, charges(emu, account));
    }

    @Test
    void theLargestAllowedAmountIsCharged() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");

        TestHttp.Answer answer = charge(emu.as(account.token()), "{\"amount\": 10000}");

        assertEquals(200, answer.status(), answer.body());
        assertMoney("10000.00", answer.json().path("data").path("balance"));
    }

    @Test
    void withoutACardTheChargeIsAValidationError() {
        var account = emu.newAccount();

        TestHttp.Answer answer = charge(emu.as(account.token()), "{\"amount\": 50}");

        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.json().path("error").path("details").has("payment_method_id"));
    }

    @Test
    void aDeclinedCardAnswers402AndCreditsNothing() {
        var account = emu.newAccount(new BigDecimal("10.00"), Set.of("*"));
        attach(emu, account, "pm_card_chargeCustomerFail");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = charge(http, "{\"amount\": 50}");

        assertEquals(402, answer.status(), answer.body());
        assertEquals("generic_decline", answer.json().path("error").path("details").path("decline_code").asText());
        assertMoney("10.00", http.get("/wallet/balance").json().path("data").path("balance"));
    }

    @Test
    void aCardNeeding3DSecureIsDeclinedAuthenticationRequiredAndTheTwinsPageCanStillCreditIt() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_threeDSecure2Required");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = charge(http, "{\"amount\": 40}");

        assertEquals(402, answer.status(), answer.body());
        assertEquals("payment_declined", answer.json().path("error").path("code").asText());
        assertEquals("authentication_required", answer.json().path("error").path("details").path("decline_code").asText());
        String paymentIntent = answer.json().path("error").path("details").path("payment_intent_id").asText();
        assertMoney("0.00", http.get("/wallet/balance").json().path("data").path("balance"));
        assertEquals(200, authenticate(emu, paymentIntent, true).status());
        assertMoney("40.00", http.get("/wallet/balance").json().path("data").path("balance"));
        assertEquals(409, authenticate(emu, paymentIntent, true).status());
        assertMoney("40.00", http.get("/wallet/balance").json().path("data").path("balance"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyChargesOnce() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer first = http.post("/subscriptions/charge-amount", "{\"amount\": 20}", "charge-20-once");
        TestHttp.Answer retry = http.post("/subscriptions/charge-amount", "{\"amount\": 20}", "charge-20-once");

        assertEquals(first.json().path("data"), retry.json().path("data"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(1, charges(emu, account));
        assertMoney("20.00", http.get("/wallet/balance").json().path("data").path("balance"));
    }

    private static TestHttp.Answer charge(TestHttp http, String body) {
        return http.post("/subscriptions/charge-amount", body);
    }
}
