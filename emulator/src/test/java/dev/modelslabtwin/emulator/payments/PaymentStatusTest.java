package dev.modelslabtwin.emulator.payments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.auth.AccessTokens;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** GET /payments/{id}/status: the caller's own PaymentIntents, in the API's three states. */
class PaymentStatusTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aSucceededFundingReportsItsAmountInLowerCaseDollarsWithoutADeclineCode() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String paymentIntent = fund(account, http, "pm_card_visa", "12.34");

        TestHttp.Answer answer = http.get("/payments/" + paymentIntent + "/status");

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        assertEquals("succeeded", data.path("status").asText());
        assertEquals(paymentIntent, data.path("payment_intent_id").asText());
        assertEquals(0, new BigDecimal("12.34").compareTo(data.path("amount").decimalValue()));
        assertEquals("usd", data.path("currency").asText());
        assertEquals("wallet_funding", data.path("purpose").asText());
        assertFalse(data.has("decline_code"));
    }

    @Test
    void anotherAccountsPaymentIsNotFoundJustLikeAnUnknownOne() {
        var owner = emu.newAccount();
        String paymentIntent = fund(owner, emu.as(owner.token()), "pm_card_visa", "25");
        TestHttp intruder = emu.as(emu.newAccount().token());

        TestHttp.Answer foreign = intruder.get("/payments/" + paymentIntent + "/status");
        TestHttp.Answer unknown = intruder.get("/payments/pi_doesNotExist123/status");

        assertEquals(404, foreign.status(), foreign.body());
        assertEquals("not_found", foreign.json().path("error").path("code").asText());
        assertEquals(404, unknown.status());
        assertEquals(foreign.json().path("error").path("message").asText().replace(paymentIntent, "?"),
                unknown.json().path("error").path("message").asText().replace("pi_doesNotExist123", "?"));
    }

    @Test
    void anIdThatIsNotAPaymentIntentIsAValidationError() {
        TestHttp.Answer answer = emu.as(emu.newAccount().token()).get("/payments/cs_test_abc/status");

        assertEquals(422, answer.status(), answer.body());
    }

    @Test
    void aTokenWithoutWalletReadCannotSeePayments() {
        var account = emu.newAccount();
        String paymentIntent = fund(account, emu.as(account.token()), "pm_card_visa", "25");
        String narrowToken = emu.database().transaction(db -> AccessTokens.issue(db, account.id(), "narrow",
                Set.of("subscriptions:read"), emu.clock().instant(), null).plainText());

        TestHttp.Answer answer = emu.as(narrowToken).get("/payments/" + paymentIntent + "/status");

        assertEquals(403, answer.status(), answer.body());
        assertEquals("insufficient_scope", answer.json().path("error").path("code").asText());
    }

    private static String fund(TestEmulator.TestAccount account, TestHttp http, String testCard, String amount) {
        String card = emu.database().transaction(db -> PaymentMethods.attach(db, account.id(), testCard, true,
                emu.clock().instant()).id());
        TestHttp.Answer answer = http.post("/wallet/fund", "{\"amount\": " + amount + ", \"payment_method_id\": \"" + card + "\"}");
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data").path("payment").path("payment_intent_id").asText();
    }
}
