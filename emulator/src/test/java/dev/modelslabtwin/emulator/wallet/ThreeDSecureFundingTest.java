package dev.modelslabtwin.emulator.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.attach;
import static dev.modelslabtwin.emulator.wallet.WalletTests.authenticate;
import static dev.modelslabtwin.emulator.wallet.WalletTests.balance;
import static dev.modelslabtwin.emulator.wallet.WalletTests.fund;
import static dev.modelslabtwin.emulator.wallet.WalletTests.paidInvoices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Funding with a card that needs 3D Secure: 202, pending until a person authenticates, credited once. */
class ThreeDSecureFundingTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aCardNeeding3DSecureAnswers202WithANextActionAndCreditsNothingYet() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_authenticationRequired");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = fund(http, "30", card);

        assertEquals(202, answer.status(), answer.body());
        JsonNode payment = answer.json().path("data").path("payment");
        String paymentIntent = payment.path("payment_intent_id").asText();
        assertEquals("requires_action", payment.path("status").asText());
        assertTrue(payment.path("client_secret").asText().startsWith(paymentIntent + "_secret_"));
        assertEquals(emu.emulator().baseUrl() + "/stripe/3ds/" + paymentIntent, payment.path("next_action_url").asText());
        assertMoney("0.00", balance(http));
        assertEquals("pending", status(http, paymentIntent).path("status").asText());
        assertEquals(0, WalletTests.transactions(http, "").path("total").asInt());
    }

    @Test
    void passingAuthenticationCreditsTheWalletExactlyOnce() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_threeDSecure2Required");
        TestHttp http = emu.as(account.token());
        String paymentIntent = fund(http, "30", card).json().path("data").path("payment").path("payment_intent_id").asText();
        assertEquals("pending", status(http, paymentIntent).path("status").asText());

        authenticate(emu, paymentIntent, true);

        JsonNode status = status(http, paymentIntent);
        assertEquals("succeeded", status.path("status").asText());
        assertEquals("wallet_funding", status.path("purpose").asText());
        assertMoney("30.00", balance(http));
        ApiProblem again = assertThrows(ApiProblem.class, () -> authenticate(emu, paymentIntent, true));
        assertEquals(409, again.status());
        assertMoney("30.00", balance(http));
        JsonNode ledger = WalletTests.transactions(http, "");
        assertEquals(1, ledger.path("total").asInt());
        assertEquals(paymentIntent, ledger.path("items").get(0).path("transaction_id").asText());
        assertEquals(1, paidInvoices(emu, account, paymentIntent));
    }

    @Test
    void failingAuthenticationFailsThePaymentAndCreditsNothing() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_authenticationRequired");
        TestHttp http = emu.as(account.token());
        String paymentIntent = fund(http, "30", card).json().path("data").path("payment").path("payment_intent_id").asText();

        PaymentIntents.PaymentIntent ended = authenticate(emu, paymentIntent, false);

        assertTrue(ended.declined());
        JsonNode status = status(http, paymentIntent);
        assertEquals("failed", status.path("status").asText());
        assertEquals("authentication_failed", status.path("decline_code").asText());
        assertMoney("0.00", balance(http));
        assertEquals(0, paidInvoices(emu, account, paymentIntent));
    }

    @Test
    void aCardDeclinedAfterAuthenticationFailsThePaymentWithItsDeclineCode() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_authenticationRequiredChargeDeclinedInsufficientFunds");
        TestHttp http = emu.as(account.token());
        String paymentIntent = fund(http, "30", card).json().path("data").path("payment").path("payment_intent_id").asText();

        PaymentIntents.PaymentIntent ended = authenticate(emu, paymentIntent, true);

        assertTrue(ended.declined());
        JsonNode status = status(http, paymentIntent);
        assertEquals("failed", status.path("status").asText());
        assertEquals("insufficient_funds", status.path("decline_code").asText());
        assertMoney("0.00", balance(http));
    }

    private static JsonNode status(TestHttp http, String paymentIntent) {
        TestHttp.Answer answer = http.get("/payments/" + paymentIntent + "/status");
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }
}
