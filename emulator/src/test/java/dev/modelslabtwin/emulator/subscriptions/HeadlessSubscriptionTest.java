package dev.modelslabtwin.emulator.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.stripe.FakeStripe;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.BASIC_ENTERPRISE;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.STANDARD;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.assertMoney;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.attach;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.authenticate;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.charges;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.instant;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.invoices;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.status;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.subscribe;
import static dev.modelslabtwin.emulator.subscriptions.SubscriptionTests.subscribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscribing headlessly with a card: charged the first period at once, declined, or waiting for 3D Secure. */
class HeadlessSubscriptionTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void subscribingWithACardChargesTheFirstPeriodAndTheSubscriptionIsActive() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = subscribe(http, BASIC_ENTERPRISE, card);

        assertEquals(200, answer.status(), answer.body());
        JsonNode data = answer.json().path("data");
        assertEquals("active", data.path("status").asText());
        assertEquals("Subscription created.", data.path("message").asText());
        JsonNode subscription = data.path("subscription");
        long id = subscription.path("id").asLong();
        assertEquals(data.path("stripe_subscription_id").asText(), subscription.path("stripe_subscription_id").asText());
        assertEquals("succeeded", data.path("payment").path("status").asText());
        assertMoney("249.00", data.path("payment").path("amount"));
        String paymentIntent = data.path("payment").path("payment_intent_id").asText();

        JsonNode status = status(http, id);
        assertEquals("active", status.path("status").asText());
        assertEquals("Basic Enterprise", status.path("plan_name").asText());
        assertEquals("enterprise", status.path("feature").asText());
        assertMoney("249.00", status.path("amount"));
        assertMoney("249.00", status.path("next_invoice_amount"));
        assertEquals(card, status.path("payment_method_id").asText());
        Instant start = instant(status.path("current_period_start"));
        Instant end = instant(status.path("current_period_end"));
        assertEquals(start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(), end);
        assertEquals(end, instant(status.path("next_billing_date")));
        List<SubscriptionTests.Invoice> invoices = invoices(emu, id);
        assertEquals(1, invoices.size());
        assertEquals(paymentIntent, invoices.get(0).paymentIntentId());
        assertMoney("249.00", invoices.get(0).amount());
        assertEquals("subscription", http.get("/payments/" + paymentIntent + "/status").json()
                .path("data").path("purpose").asText());
    }

    @Test
    void theListShowsEverySubscriptionNewestFirstWithWhatTheCliReads() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        long first = subscribed(http, STANDARD, card);
        long second = subscribed(http, BASIC_ENTERPRISE, card);

        TestHttp.Answer answer = http.get("/subscriptions");

        assertEquals(200, answer.status(), answer.body());
        JsonNode list = answer.json().path("data");
        assertEquals(2, list.size());
        assertEquals(second, list.get(0).path("id").asLong());
        assertEquals(first, list.get(1).path("id").asLong());
        for (JsonNode item : list) {
            for (String field : List.of("id", "plan_name", "status", "next_billing_date", "amount")) {
                assertTrue(item.hasNonNull(field), field + " missing from " + item);
            }
        }
    }

    @Test
    void withoutAPaymentMethodNothingIsChargedEvenWithASavedDefaultCard() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = subscribe(http, STANDARD, null);

        assertEquals(200, answer.status(), answer.body());
        assertEquals("pending_checkout", answer.json().path("data").path("status").asText());
        assertTrue(answer.json().path("data").path("checkout_url").asText().contains("/checkout/cs_test_"), answer.body());
        assertEquals(0, charges(emu, account));
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
    }

    @Test
    void aCardJustTokenisedIsSavedToTheAccountAsTheSubscriptionsCard() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = subscribe(http, STANDARD, "pm_card_mastercard");

        assertEquals(200, answer.status(), answer.body());
        String saved = answer.json().path("data").path("subscription").path("payment_method_id").asText();
        assertTrue(saved.startsWith("pm_") && !saved.equals("pm_card_mastercard"), saved);
        assertEquals(saved, answer.json().path("data").path("payment").path("payment_method_id").asText());
        long savedCards = emu.database().transaction(db -> PaymentMethods.list(db, account.id()).stream()
                .filter(card -> card.id().equals(saved)).count());
        assertEquals(1, savedCards);
    }

    @Test
    void aDeclinedCardAnswers402AndSubscribesNothing() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_chargeCustomerFail");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = subscribe(http, BASIC_ENTERPRISE, card);

        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("payment_declined", error.path("code").asText());
        assertEquals("generic_decline", error.path("details").path("decline_code").asText());
        String paymentIntent = error.path("details").path("payment_intent_id").asText();
        assertEquals("failed", http.get("/payments/" + paymentIntent + "/status").json().path("data").path("status").asText());
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
    }

    @Test
    void aCardStripeRefusesToSaveAnswersTheDocumented402WithAFailedPaymentIntentAndSavesNothing() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = subscribe(http, BASIC_ENTERPRISE, "pm_card_visa_chargeDeclinedInsufficientFunds");

        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("payment_declined", error.path("code").asText());
        assertEquals("Your card was declined.", error.path("message").asText());
        assertEquals("insufficient_funds", error.path("details").path("decline_code").asText());
        String paymentIntent = error.path("details").path("payment_intent_id").asText();
        JsonNode status = http.get("/payments/" + paymentIntent + "/status").json().path("data");
        assertEquals("failed", status.path("status").asText(), status.toString());
        assertEquals("insufficient_funds", status.path("decline_code").asText());
        assertEquals("subscription", status.path("purpose").asText());
        assertMoney("249.00", status.path("amount"));
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
        assertEquals(0, http.get("/billing/payment-methods").json().path("data").size());
        JsonNode intent = FakeStripe.secret(emu).get("/v1/payment_intents/" + paymentIntent).json();
        assertEquals("requires_payment_method", intent.path("status").asText(), intent.toString());
        assertEquals("insufficient_funds", intent.path("last_payment_error").path("decline_code").asText(), intent.toString());
        assertTrue(intent.path("latest_charge").isNull(), "refused before any charge: " + intent);
    }

    @Test
    void aCardNeeding3DSecureIsDeclinedAuthenticationRequiredAndTheTwinsPageCanStillStartTheSubscription() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_authenticationRequired");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = subscribe(http, BASIC_ENTERPRISE, card);

        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("payment_declined", error.path("code").asText());
        assertEquals("Your card was declined.", error.path("message").asText());
        JsonNode details = error.path("details");
        assertEquals(List.of("decline_code", "payment_intent_id"), fieldNames(details), "the documented details only");
        assertEquals("authentication_required", details.path("decline_code").asText());
        String paymentIntent = details.path("payment_intent_id").asText();
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
        assertEquals("pending", http.get("/payments/" + paymentIntent + "/status").json().path("data").path("status").asText());

        assertEquals(200, authenticate(emu, paymentIntent, true).status());

        JsonNode list = http.get("/subscriptions").json().path("data");
        assertEquals(1, list.size());
        assertEquals("active", list.get(0).path("status").asText());
        assertEquals(BASIC_ENTERPRISE, list.get(0).path("plan_id").asLong());
        assertEquals(card, list.get(0).path("payment_method_id").asText());
        assertEquals(paymentIntent, invoices(emu, list.get(0).path("id").asLong()).get(0).paymentIntentId());
    }

    @Test
    void failing3DSecureSubscribesNothing() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_authenticationRequired");
        TestHttp http = emu.as(account.token());
        String paymentIntent = subscribe(http, BASIC_ENTERPRISE, card).json().path("error").path("details")
                .path("payment_intent_id").asText();

        authenticate(emu, paymentIntent, false);

        assertEquals("failed", http.get("/payments/" + paymentIntent + "/status").json().path("data").path("status").asText());
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
    }

    @Test
    void aFirstPaymentStillAwaiting3DSecureAfter23HoursCanNoLongerStartTheSubscription() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_authenticationRequired");
        TestHttp http = emu.as(account.token());
        String paymentIntent = subscribe(http, BASIC_ENTERPRISE, card).json().path("error").path("details")
                .path("payment_intent_id").asText();

        SubscriptionTests.advance(emu, "PT24H");
        TestHttp.Answer late = authenticate(emu, paymentIntent, true);

        assertEquals(409, late.status(), late.body());
        assertEquals("failed", http.get("/payments/" + paymentIntent + "/status").json().path("data").path("status").asText());
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
    }

    @Test
    void aNewAttemptCancelsTheOneStillAwaiting3DSecureSoThePlanIsNeverPaidTwice() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_authenticationRequired");
        TestHttp http = emu.as(account.token());
        String first = subscribe(http, BASIC_ENTERPRISE, card).json().path("error").path("details")
                .path("payment_intent_id").asText();
        String second = subscribe(http, BASIC_ENTERPRISE, card).json().path("error").path("details")
                .path("payment_intent_id").asText();

        assertEquals(409, authenticate(emu, first, true).status());
        assertEquals(200, authenticate(emu, second, true).status());

        assertEquals(1, http.get("/subscriptions").json().path("data").size());
    }

    @Test
    void subscribingAgainToAPlanHeldLiveIsAConflictAndChargesNothing() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        long id = subscribed(http, BASIC_ENTERPRISE, card);
        long attempts = charges(emu, account);

        TestHttp.Answer again = subscribe(http, BASIC_ENTERPRISE, card);
        TestHttp.Answer againByCheckout = subscribe(http, BASIC_ENTERPRISE, null);

        for (TestHttp.Answer refused : List.of(again, againByCheckout)) {
            assertEquals(409, refused.status(), refused.body());
            assertEquals("invalid_state", refused.json().path("error").path("code").asText());
            assertEquals(id, refused.json().path("error").path("details").path("subscription_id").asLong());
        }
        assertEquals(attempts, charges(emu, account));
    }

    @Test
    void anUnknownPlanIsAValidationErrorOfPlanId() {
        var account = emu.newAccount();
        attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());

        TestHttp.Answer answer = subscribe(http, 999, null);

        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.json().path("error").path("details").has("plan_id"));
        assertEquals(0, charges(emu, account));
    }

    @Test
    void anotherAccountsCardCannotPayForASubscription() {
        var owner = emu.newAccount();
        String ownersCard = attach(emu, owner, "pm_card_visa");
        var intruder = emu.newAccount();

        TestHttp.Answer answer = subscribe(emu.as(intruder.token()), BASIC_ENTERPRISE, ownersCard);

        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.json().path("error").path("details").has("payment_method_id"));
        assertEquals(0, charges(emu, owner));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheAnswerWithoutASecondCharge() {
        var account = emu.newAccount();
        String card = attach(emu, account, "pm_card_visa");
        TestHttp http = emu.as(account.token());
        String body = "{\"plan_id\": " + BASIC_ENTERPRISE + ", \"payment_method_id\": \"" + card + "\"}";

        TestHttp.Answer first = http.post("/subscriptions", body, "sub-plan10-20260220");
        TestHttp.Answer retry = http.post("/subscriptions", body, "sub-plan10-20260220");

        assertEquals(200, first.status(), first.body());
        assertEquals(200, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertTrue(retry.json().path("meta").path("idempotency_replay").asBoolean());
        assertEquals(first.json().path("data"), retry.json().path("data"));
        assertEquals(1, charges(emu, account));
        JsonNode list = http.get("/subscriptions").json().path("data");
        assertEquals(1, list.size());
        assertEquals(1, invoices(emu, list.get(0).path("id").asLong()).size());
    }

    @Test
    void anotherAccountsSubscriptionIsNotFoundEverywhere() {
        var owner = emu.newAccount();
        long id = subscribed(emu.as(owner.token()), BASIC_ENTERPRISE, attach(emu, owner, "pm_card_visa"));
        var intruder = emu.newAccount();
        attach(emu, intruder, "pm_card_visa");
        TestHttp http = emu.as(intruder.token());

        List<TestHttp.Answer> answers = List.of(http.get("/subscriptions/" + id + "/status"),
                http.put("/subscriptions/" + id, "{\"new_plan_id\": " + STANDARD + "}"),
                SubscriptionTests.act(http, id, "pause"), SubscriptionTests.act(http, id, "resume"),
                SubscriptionTests.act(http, id, "reset-cycle"), SubscriptionTests.act(http, id, "fix-payment"));

        for (TestHttp.Answer answer : answers) {
            assertEquals(404, answer.status(), answer.body());
            assertEquals("not_found", answer.json().path("error").path("code").asText());
        }
        assertEquals(0, http.get("/subscriptions").json().path("data").size());
        JsonNode untouched = status(emu.as(owner.token()), id);
        assertEquals("active", untouched.path("status").asText());
        assertEquals(BASIC_ENTERPRISE, untouched.path("plan_id").asLong());
        assertEquals(1, invoices(emu, id).size());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
