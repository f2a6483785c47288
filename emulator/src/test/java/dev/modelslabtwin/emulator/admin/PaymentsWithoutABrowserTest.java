package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ResetBeforeEachTest;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a person does on Stripe's pages, done through the control API; and the test-card matrix as data. */
class PaymentsWithoutABrowserTest extends ResetBeforeEachTest {

    @Test
    void theTestCardMatrixSaysWhichCardFailsAtWhichStep() {
        JsonNode cards = control.get("/test-cards").json().path("data");

        JsonNode visa = card(cards, "pm_card_visa");
        JsonNode fraudulent = card(cards, "pm_card_chargeDeclinedFraudulent");
        JsonNode customerFail = card(cards, "pm_card_chargeCustomerFail");
        JsonNode threeDs = card(cards, "pm_card_authenticationRequired");
        assertEquals("4242424242424242", visa.path("number").asText());
        assertTrue(visa.path("fails_at").isNull());
        assertEquals("attach", fraudulent.path("fails_at").asText());
        assertEquals("charge", customerFail.path("fails_at").asText(), "saved fine, declined when charged");
        assertEquals("generic_decline", customerFail.path("decline_code").asText());
        assertTrue(threeDs.path("requires_authentication").asBoolean());
    }

    @Test
    void aCheckoutSessionPaidWithA3dsCardWaitsForAuthenticationThenCredits() {
        TestHttp http = emu.as(emu.newAccount().token());
        String session = http.post("/wallet/fund", "{\"amount\": 30}").json().path("data").path("session_id").asText();

        JsonNode paid = control.post("/checkout/sessions/" + session + "/pay",
                "{\"payment_method\": \"pm_card_authenticationRequired\"}").json().path("data");
        TestHttp.Answer early = http.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");
        JsonNode approved = control.post("/payments/" + paid.path("payment_intent_id").asText() + "/authenticate",
                "{\"outcome\": \"approve\"}").json().path("data");
        TestHttp.Answer confirmed = http.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}");

        assertEquals("requires_action", paid.path("status").asText());
        assertEquals(session, paid.path("session_id").asText());
        assertEquals("checkout_not_completed", early.json().path("error").path("code").asText());
        assertEquals("succeeded", approved.path("status").asText());
        assertEquals(200, confirmed.status(), confirmed.body());
        assertMoney("30.00", confirmed.json().path("data").path("balance"));
    }

    @Test
    void aDeclinedCardOnTheCheckoutPageLeavesTheSessionOpenAndSaysWhy() {
        TestHttp http = emu.as(emu.newAccount().token());
        String session = http.post("/wallet/fund", "{\"amount\": 30}").json().path("data").path("session_id").asText();

        TestHttp.Answer declined = control.post("/checkout/sessions/" + session + "/pay",
                "{\"payment_method\": \"pm_card_visa_chargeDeclinedInsufficientFunds\"}");
        TestHttp.Answer retried = control.post("/checkout/sessions/" + session + "/pay", null);

        assertEquals(200, declined.status(), declined.body());
        assertEquals("insufficient_funds", declined.json().path("data").path("decline_code").asText());
        assertEquals("succeeded", retried.json().path("data").path("status").asText());
    }

    @Test
    void failingAuthenticationDeclinesThePaymentAndASecondAttemptIsAConflict() {
        TestHttp http = emu.as(emu.newAccount().token());
        String session = http.post("/wallet/fund", "{\"amount\": 30}").json().path("data").path("session_id").asText();
        String payment = control.post("/checkout/sessions/" + session + "/pay",
                "{\"payment_method\": \"pm_card_authenticationRequired\"}").json().path("data").path("payment_intent_id").asText();

        JsonNode failed = control.post("/payments/" + payment + "/authenticate", "{\"outcome\": \"fail\"}").json().path("data");
        TestHttp.Answer again = control.post("/payments/" + payment + "/authenticate", "{\"outcome\": \"approve\"}");

        assertEquals("requires_payment_method", failed.path("status").asText());
        assertEquals(409, again.status(), again.body());
        assertEquals(404, control.post("/payments/pi_unknown/authenticate", null).status());
    }

    private static JsonNode card(JsonNode cards, String paymentMethod) {
        for (JsonNode card : cards) {
            for (JsonNode id : card.path("payment_methods")) {
                if (id.asText().equals(paymentMethod)) {
                    return card;
                }
            }
        }
        throw new AssertionError("no " + paymentMethod + " in " + cards);
    }
}
