package dev.modelslabtwin.emulator.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.STANDARD;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.act;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.advance;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.assertMoney;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.attach;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.authenticate;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.detach;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.invoices;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fixing a failed renewal: the default card pays what is owed and the subscription is active again. */
class FixPaymentTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void aWorkingDefaultCardPaysWhatIsOwedAndTheSubscriptionIsActiveAgain() {
        PastDue pastDue = pastDue();
        String newCard = attach(emu, pastDue.account(), "pm_card_mastercard");

        TestHttp.Answer fixed = act(pastDue.http(), pastDue.id(), "fix-payment");

        assertEquals(200, fixed.status(), fixed.body());
        JsonNode data = fixed.json().path("data");
        assertEquals("succeeded", data.path("payment").path("status").asText());
        assertMoney("27.00", data.path("payment").path("amount"));
        assertEquals(newCard, data.path("payment").path("payment_method_id").asText());
        JsonNode subscription = data.path("subscription");
        assertEquals("active", subscription.path("status").asText());
        assertFalse(subscription.has("amount_due"));
        assertFalse(subscription.has("last_payment_error"));
        assertEquals(newCard, subscription.path("payment_method_id").asText());
        assertEquals(subscription.path("current_period_end"), subscription.path("next_billing_date"));
        List<SubscriptionTests.Invoice> invoices = invoices(emu, pastDue.id());
        assertEquals(2, invoices.size());
        assertEquals(data.path("payment").path("payment_intent_id").asText(), invoices.get(1).paymentIntentId());
        assertMoney("27.00", invoices.get(1).amount());
    }

    @Test
    void afterAFixTheNextRenewalChargesTheCardThatFixedIt() {
        PastDue pastDue = pastDue();
        String newCard = attach(emu, pastDue.account(), "pm_card_mastercard");
        act(pastDue.http(), pastDue.id(), "fix-payment");
        attach(emu, pastDue.account(), "pm_card_chargeCustomerFail");

        advance(emu, "P32D");

        List<SubscriptionTests.Invoice> invoices = invoices(emu, pastDue.id());
        assertEquals(3, invoices.size());
        assertEquals(newCard, emu.database().transaction(db -> emu.emulator().paymentIntents()
                .find(db, invoices.get(2).paymentIntentId()).orElseThrow().paymentMethodId()));
    }

    @Test
    void aDefaultCardThatStillDeclinesAnswers402AndTheSubscriptionStaysPastDue() {
        PastDue pastDue = pastDue();
        attach(emu, pastDue.account(), "pm_card_chargeCustomerFail");

        TestHttp.Answer answer = act(pastDue.http(), pastDue.id(), "fix-payment");

        assertEquals(402, answer.status(), answer.body());
        assertEquals("payment_declined", answer.json().path("error").path("code").asText());
        JsonNode still = status(pastDue.http(), pastDue.id());
        assertEquals("past_due", still.path("status").asText());
        assertMoney("27.00", still.path("amount_due"));
        assertEquals(answer.json().path("error").path("details").path("payment_intent_id").asText(),
                still.path("last_payment_error").path("payment_intent_id").asText());
        assertEquals(1, invoices(emu, pastDue.id()).size());
    }

    @Test
    void aDefaultCardNeeding3DSecureIsDeclinedAuthenticationRequiredAndTheTwinsPageCanStillRecoverIt() {
        PastDue pastDue = pastDue();
        attach(emu, pastDue.account(), "pm_card_authenticationRequired");

        TestHttp.Answer answer = act(pastDue.http(), pastDue.id(), "fix-payment");

        assertEquals(402, answer.status(), answer.body());
        assertEquals("payment_declined", answer.json().path("error").path("code").asText());
        JsonNode details = answer.json().path("error").path("details");
        assertEquals("authentication_required", details.path("decline_code").asText());
        assertFalse(details.has("next_action_url"), "the twin's page is no documented way forward: " + details);
        assertEquals("past_due", status(pastDue.http(), pastDue.id()).path("status").asText());

        assertEquals(200, authenticate(emu, details.path("payment_intent_id").asText(), true).status());

        assertEquals("active", status(pastDue.http(), pastDue.id()).path("status").asText());
        assertEquals(2, invoices(emu, pastDue.id()).size());
    }

    @Test
    void anActiveSubscriptionHasNoPaymentToFix() {
        Subscriber subscriber = SubscriptionTests.subscriber(emu, STANDARD, "pm_card_visa");
        TestHttp http = subscriber.http();
        long id = subscriber.id();

        TestHttp.Answer answer = act(http, id, "fix-payment");

        assertEquals(409, answer.status(), answer.body());
        assertEquals("invalid_state", answer.json().path("error").path("code").asText());
        assertEquals("active", answer.json().path("error").path("details").path("status").asText());
        assertEquals(1, invoices(emu, id).size());
    }

    @Test
    void withoutADefaultCardTheFixIsAValidationError() {
        PastDue pastDue = pastDue();
        detach(emu, pastDue.account(), pastDue.failingCard());

        TestHttp.Answer answer = act(pastDue.http(), pastDue.id(), "fix-payment");

        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.json().path("error").path("details").has("payment_method_id"));
        assertEquals("past_due", status(pastDue.http(), pastDue.id()).path("status").asText());
    }

    /** A Standard subscription whose renewal the account's only card declined. */
    private static PastDue pastDue() {
        Subscriber subscriber = SubscriptionTests.subscriber(emu, STANDARD, "pm_card_visa");
        String failing = SubscriptionTests.switchToCard(emu, subscriber, "pm_card_chargeCustomerFail");
        advance(emu, "P32D");
        assertEquals("past_due", status(subscriber.http(), subscriber.id()).path("status").asText());
        return new PastDue(subscriber.account(), subscriber.http(), subscriber.id(), failing);
    }

    private record PastDue(TestEmulator.TestAccount account, TestHttp http, long id, String failingCard) {
    }
}
