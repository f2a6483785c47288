package dev.modelslabtwin.emulator.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.stripe.FakeStripe;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.STANDARD;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.advance;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.assertMoney;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.charges;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.invoices;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.payCheckout;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.status;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscribing through Checkout: a person pays the hosted page, the agent confirms, the subscription starts once. */
class SubscriptionCheckoutTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void withoutACardTheAnswerIsACheckoutSessionAndNothingIsChargedOrSubscribedYet() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = subscribe(http, STANDARD, null);

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        assertEquals("pending_checkout", data.path("status").asText());
        String session = data.path("session_id").asText();
        assertEquals(emu.emulator().baseUrl() + "/checkout/" + session, data.path("checkout_url").asText());
        assertEquals(data.path("checkout_url"), data.path("payment_url"));
        assertTrue(data.hasNonNull("expires_at"));
        assertTrue(data.path("instructions").asText().contains("POST /subscriptions/confirm-checkout"), answer.body());
        assertFalse(data.has("subscription") || data.has("payment"), answer.body());
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
        assertEquals(0, charges(emu, account));
    }

    @Test
    void theRequestsReturnAddressesGoToTheSessionAndThePageSendsThePersonThere() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = http.post("/subscriptions", "{\"plan_id\": " + STANDARD
                + ", \"success_url\": \"https://agent.example.com/paid\","
                + " \"cancel_url\": \"https://agent.example.com/cancelled\"}");

        assertEquals(200, answer.status(), answer.body());
        String session = answer.json().path("data").path("session_id").asText();
        JsonNode stripeSession = FakeStripe.secret(emu).get("/v1/checkout/sessions/" + session).json();
        assertEquals("https://agent.example.com/cancelled", stripeSession.path("cancel_url").asText(), stripeSession.toString());
        assertEquals("https://agent.example.com/cancelled",
                FakeStripe.page(emu, "/checkout/" + session + "/cancel").header("Location"));
        TestHttp.Answer paid = FakeStripe.submit(emu, "/checkout/" + session + "/pay",
                Map.of("card_number", "4242424242424242", "card_expiry", "12/34", "card_cvc", "123"));
        assertEquals("https://agent.example.com/paid", paid.header("Location"), paid.body());
        assertEquals(200, confirm(http, session).status());
    }

    @Test
    void confirmingBeforeThePersonPaysAnswers409CheckoutNotCompleted() {
        TestHttp http = emu.as(emu.newAccount().token());
        String session = checkout(http);

        TestHttp.Answer answer = confirm(http, session);

        assertEquals(409, answer.status(), answer.body());
        assertEquals("checkout_not_completed", answer.json().path("error").path("code").asText());
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
    }

    @Test
    void aPaidSessionStartsTheSubscriptionOnceHoweverOftenItIsConfirmed() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String session = checkout(http);
        String paymentIntent = payCheckout(emu, session, "pm_card_visa");

        TestHttp.Answer first = confirm(http, session);
        TestHttp.Answer second = confirm(http, session);

        assertEquals(200, first.status(), first.body());
        JsonNode confirmed = first.json().path("data");
        assertFalse(confirmed.path("already_confirmed").asBoolean());
        assertEquals("active", confirmed.path("status").asText());
        assertEquals(session, confirmed.path("session_id").asText());
        long id = confirmed.path("subscription").path("id").asLong();
        assertEquals(STANDARD, confirmed.path("subscription").path("plan_id").asLong());
        assertEquals(200, second.status(), second.body());
        assertTrue(second.json().path("data").path("already_confirmed").asBoolean());
        assertEquals(id, second.json().path("data").path("subscription").path("id").asLong());
        assertEquals(1, http.get("/subscriptions").json().path("data").size());
        List<SubscriptionTests.Invoice> invoices = invoices(emu, id);
        assertEquals(1, invoices.size());
        assertEquals(paymentIntent, invoices.get(0).paymentIntentId());
        assertMoney("27.00", invoices.get(0).amount());
    }

    @Test
    void theCardPaidWithOnTheCheckoutPageIsSavedAndChargedAtRenewal() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String session = checkout(http);
        payCheckout(emu, session, "pm_card_mastercard");
        long id = confirm(http, session).json().path("data").path("subscription").path("id").asLong();
        String card = status(http, id).path("payment_method_id").asText();

        advance(emu, "P32D");

        List<SubscriptionTests.Invoice> invoices = invoices(emu, id);
        assertEquals(2, invoices.size());
        assertEquals(card, cardOf(invoices.get(1).paymentIntentId()));
        assertEquals("active", status(http, id).path("status").asText());
        assertTrue(emu.database().transaction(db -> PaymentMethods.list(db, account.id())).stream()
                .anyMatch(saved -> saved.id().equals(card)), "the Checkout card is saved to the account");
    }

    @Test
    void aSessionThatExpiredUnpaidAnswers409CheckoutExpired() {
        TestHttp http = emu.as(emu.newAccount().token());
        String session = checkout(http);

        advance(emu, "PT25H");
        TestHttp.Answer answer = confirm(http, session);

        assertEquals(409, answer.status(), answer.body());
        assertEquals("checkout_expired", answer.json().path("error").path("code").asText());
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
    }

    @Test
    void aWalletTopUpsSessionIsNotASubscription() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String session = http.post("/wallet/fund", "{\"amount\": 25}").json().path("data").path("session_id").asText();
        payCheckout(emu, session, "pm_card_visa");

        TestHttp.Answer answer = confirm(http, session);

        assertEquals(409, answer.status(), answer.body());
        assertEquals("invalid_state", answer.json().path("error").path("code").asText());
        assertTrue(answer.json().path("error").path("message").asText().contains("/wallet/confirm-checkout"));
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
        assertEquals(200, http.post("/wallet/confirm-checkout", "{\"session_id\": \"" + session + "\"}").status());
    }

    @Test
    void anotherAccountsSessionIsNotFoundAndStartsNothing() {
        TestHttp owner = emu.as(emu.newAccount().token());
        String session = checkout(owner);
        payCheckout(emu, session, "pm_card_visa");
        TestHttp intruder = emu.as(emu.newAccount().token());

        TestHttp.Answer answer = confirm(intruder, session);

        assertEquals(404, answer.status(), answer.body());
        assertEquals(0, intruder.get("/subscriptions").json().path("data").size());
        assertEquals(200, confirm(owner, session).status());
    }

    private static String cardOf(String paymentIntent) {
        return emu.database().transaction(db -> emu.emulator().paymentIntents().find(db, paymentIntent)
                .orElseThrow().paymentMethodId());
    }

    private static String checkout(TestHttp http) {
        TestHttp.Answer answer = subscribe(http, STANDARD, null);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data").path("session_id").asText();
    }

    private static TestHttp.Answer confirm(TestHttp http, String session) {
        return http.post("/subscriptions/confirm-checkout", "{\"session_id\": \"" + session + "\"}");
    }
}
