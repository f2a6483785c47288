package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Accounts;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.modelslabtwin.conformance.Steps.VISA;
import static dev.modelslabtwin.conformance.Steps.assertMoney;
import static dev.modelslabtwin.conformance.Steps.balance;
import static dev.modelslabtwin.conformance.Steps.fund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans and the subscription lifecycle: create (headless or Checkout), pause, resume, change plan, reset, fix. */
@ConformanceCheck
class SubscriptionLifecycleTest {

    private final Target target = Target.current();

    @Test
    @Verifies("listPlans.pay-as-you-go-minimum")
    void thePlanCatalogueListsPlansAndTheTenDollarPayAsYouGoOption() {
        JsonNode catalogue = target.api().as(target.accounts().own().token()).get("/subscriptions/plans").expect(200).data();

        assertTrue(catalogue.path("subscription_plans").size() > 0, catalogue.toString());
        JsonNode payAsYouGo = catalogue.path("pay_as_you_go");
        assertEquals("USD", payAsYouGo.path("currency").asText());
        assertMoney("10.00", payAsYouGo.path("minimum_topup_usd").decimalValue());
    }

    @Test
    void theAccountsSubscriptionsAreReadableOneByOne() {
        Api api = target.api().as(target.accounts().own().token());
        JsonNode subscriptions = api.get("/subscriptions").expect(200).data();
        if (target.isEmulator()) {
            assertEquals(0, subscriptions.size(), "a new account has no subscription");
            subscribe(api, plans(api).get(0), VISA);
            subscriptions = api.get("/subscriptions").expect(200).data();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(subscriptions.size() > 0, "the account has no subscription to read");
        JsonNode first = subscriptions.get(0);

        Answer status = api.get("/subscriptions/" + first.path("id").asLong() + "/status").expect(200);

        assertEquals(first.path("status").asText(), status.text("status"));
        api.get("/subscriptions/987654321/status").expectError(404, "not_found");
    }

    @Test
    @Verifies({"createSubscription.headless-is-active",
            "pauseSubscription.only-active",
            "resumeSubscription.only-paused",
            "updateSubscription.prorated-like-stripe"})
    void aSubscriptionIsPausedResumedMovedToAnotherPlanAndReportsItsStatus() {
        target.assumeAllowed(Impact.MOVES_MONEY, "subscribing to the cheapest plan, then changing plans");
        Api api = target.api().as(target.accounts().own().token());
        List<JsonNode> plans = plans(api);
        long first = plans.get(0).path("id").asLong();
        long second = plans.get(1).path("id").asLong();

        boolean sameInterval = plans.get(0).path("period").asText().equals(plans.get(1).path("period").asText());

        Answer created = subscribe(api, plans.get(0), Steps.chargeableCard(target, api));
        long id = subscriptionId(api, created);
        try {
            walkThroughTheLifecycle(api, created, id, first, second, sameInterval);
        } finally {
            if (!target.isEmulator()) {
                // The API has no cancel call: a paused subscription at least stops billing.
                api.post("/subscriptions/" + id + "/pause");
            }
        }
    }

    private static void walkThroughTheLifecycle(Api api, Answer created, long id, long first, long second, boolean sameInterval) {
        assertEquals("active", created.text("status"));
        assertEquals("active", status(api, id).path("status").asText());

        assertEquals("paused", api.post("/subscriptions/" + id + "/pause").expect(200).data().path("subscription").path("status").asText());
        assertEquals("paused", status(api, id).path("status").asText());
        api.post("/subscriptions/" + id + "/pause").expectError(409, "invalid_state");

        assertEquals("active", api.post("/subscriptions/" + id + "/resume").expect(200).data().path("subscription").path("status").asText());
        api.post("/subscriptions/" + id + "/resume").expectError(409, "invalid_state");

        int invoices = api.get("/billing/invoices").expect(200).data().size();
        Answer moved = api.put("/subscriptions/" + id, Json.object("new_plan_id", second)).expect(200);
        assertEquals(second, moved.data().path("subscription").path("plan_id").asLong());
        if (sameInterval) {
            assertEquals(invoices, api.get("/billing/invoices").expect(200).data().size(),
                    "a change within the billing interval charges nothing now; the next renewal carries the prorations");
        }
        Answer back = api.put("/subscriptions/" + id, Json.object("plan_id", first)).expect(200);
        assertEquals(first, back.data().path("subscription").path("plan_id").asLong(), "the CLI's plan_id is read");

        JsonNode finalStatus = status(api, id);
        assertEquals(first, finalStatus.path("plan_id").asLong());
        assertEquals("active", finalStatus.path("status").asText());
    }

    @Test
    @Verifies({"createSubscription.three-d-secure-402", "payments.declined-is-402-payment-declined",
            "payments.declined-intent-recorded"})
    void aHeadlessSubscriptionFailsAsItsPaymentDoes() {
        target.assumeEmulator("declines and 3D Secure come from Stripe's test cards");
        Api api = target.api().as(target.accounts().fresh().token());
        JsonNode plan = plans(api).get(0);

        Answer needs3ds = subscribe(api, plan, "pm_card_authenticationRequired").expectError(402, "payment_declined");
        assertEquals("authentication_required", needs3ds.details().path("decline_code").asText(), needs3ds.body());
        assertTrue(needs3ds.details().path("payment_intent_id").asText().startsWith("pi_"), needs3ds.body());
        Answer refused = subscribe(api, plan, "pm_card_visa_chargeDeclined").expectError(402, "payment_declined");
        assertEquals("Your card was declined.", refused.json().path("error").path("message").asText());
        assertEquals("generic_decline", refused.details().path("decline_code").asText(), refused.body());
        String refusedIntent = refused.details().path("payment_intent_id").asText();
        assertTrue(refusedIntent.startsWith("pi_"), "refused at attach, still a PaymentIntent: " + refused.body());
        assertEquals("failed", api.get("/payments/" + refusedIntent + "/status").expect(200).text("status"));
        api.post("/subscriptions", Json.object("plan_id", 987_654_321, "payment_method_id", VISA)).expectInvalid("plan_id");

        assertEquals(0, api.get("/subscriptions").expect(200).data().size(), "nothing half-made");
    }

    @Test
    @Verifies({"createSubscription.checkout-without-card",
            "checkout.unpaid-answers-409",
            "checkout.confirmed-once",
            "confirmSubscriptionCheckout.active-at-once"})
    void withoutACardASubscriptionChargesNothingAndStartsWhenItsCheckoutIsPaidAndConfirmed() {
        Api api = target.api().as(target.accounts().own().token());
        Steps.assumeNothingCanBeCharged(target, api, false, "subscribing");
        long plan = plans(api).get(0).path("id").asLong();
        int subscriptions = api.get("/subscriptions").expect(200).data().size();

        Answer pending = api.post("/subscriptions", Json.object("plan_id", plan, "success_url", "https://agent.example.com/paid",
                "cancel_url", "https://agent.example.com/cancelled")).expect(200);
        String session = pending.text("session_id");
        assertTrue(session.startsWith("cs_"), pending.body());
        assertTrue(pending.text("checkout_url").startsWith("http"), pending.body());
        assertEquals(subscriptions, api.get("/subscriptions").expect(200).data().size(), "nothing subscribed yet");
        api.post("/subscriptions/confirm-checkout", Json.object("session_id", session)).expectError(409, "checkout_not_completed");
        target.assumeEmulator("a person has to pay on Stripe Checkout; against a live server the suite stops at the unpaid session");
        assertEquals("pending_checkout", pending.text("status"));

        target.control().payCheckout(session, VISA);

        Answer confirmed = api.post("/subscriptions/confirm-checkout", Json.object("session_id", session)).expect(200);
        assertEquals("active", confirmed.text("status"));
        assertFalse(confirmed.data().path("already_confirmed").asBoolean());
        assertTrue(api.post("/subscriptions/confirm-checkout", Json.object("session_id", session)).expect(200)
                .data().path("already_confirmed").asBoolean());
        assertEquals(1, api.get("/subscriptions").expect(200).data().size());
    }

    @Test
    @Verifies("resetSubscriptionCycle.stripe-anchor-now")
    void resettingTheCycleStartsANewPaidPeriodAndOnlyForActiveSubscriptions() {
        target.assumeEmulator("resetting a cycle charges a new period, less the unused time, which takes emulated days to shrink");
        Api api = target.api().as(target.accounts().fresh().token());
        long id = subscriptionId(api, subscribe(api, plans(api).get(0), VISA).expect(200));
        OffsetDateTime before = OffsetDateTime.parse(status(api, id).path("current_period_start").asText());
        target.control().advanceClock(Duration.ofDays(10));

        Answer reset = api.post("/subscriptions/" + id + "/reset-cycle").expect(200);

        assertEquals("succeeded", reset.data().path("payment").path("status").asText(), reset.body());
        assertFalse(OffsetDateTime.parse(reset.data().path("subscription").path("current_period_start").asText()).isBefore(before));
        api.post("/subscriptions/" + id + "/pause").expect(200);
        api.post("/subscriptions/" + id + "/reset-cycle").expectError(409, "invalid_state");
    }

    @Test
    @Verifies("chargeSubscriptionAmount.credits-the-wallet")
    void aCustomAmountIsChargedToTheDefaultCardAndCreditedToTheWallet() {
        target.assumeAllowed(Impact.MOVES_MONEY, "charging a custom amount ($5)");
        Api api = target.api().as(target.accounts().own().token());
        if (target.isEmulator()) {
            fund(api, "10", Steps.saveCard(api, VISA)).expect(200);
        }
        BigDecimal before = balance(api);

        Answer charged = api.post("/subscriptions/charge-amount", Json.object("amount", 5)).expect(200);

        assertMoney("5.00", charged.money("amount"));
        assertEquals("succeeded", charged.data().path("payment").path("status").asText(), charged.body());
        assertMoney(before.add(new BigDecimal("5")), balance(api));
    }

    @Test
    @Verifies({"payments.three-d-secure-declined", "payments.declined-is-402-payment-declined"})
    void aCustomAmountOnACardNeedingThreeDSecureIsDeclinedAuthenticationRequiredAndCreditsNothing() {
        target.assumeEmulator("3D Secure comes from Stripe's test cards");
        Api api = target.api().as(target.accounts().fresh().token());

        Answer declined = api.post("/subscriptions/charge-amount", Json.object("amount", 5,
                "payment_method_id", "pm_card_authenticationRequired")).expectError(402, "payment_declined");

        assertEquals("Your card was declined.", declined.json().path("error").path("message").asText());
        assertEquals("authentication_required", declined.details().path("decline_code").asText(), declined.body());
        assertTrue(declined.details().path("payment_intent_id").asText().startsWith("pi_"), declined.body());
        assertMoney("0.00", balance(api));
        assertEquals(0, api.get("/billing/payment-methods").expect(200).data().size(), "a card named once is not saved");
    }

    @Test
    @Verifies("chargeSubscriptionAmount.needs-a-card")
    void chargingACustomAmountNeedsACard() {
        target.assumeEmulator("needs an account without cards");
        target.api().as(target.accounts().fresh().token()).post("/subscriptions/charge-amount", Json.object("amount", 5))
                .expectError(422, "validation_error");
    }

    @Test
    @Verifies({"fixSubscriptionPayment.retries-what-is-due", "fixSubscriptionPayment.only-past-due"})
    void aRenewalTheCardDeclinesLeavesThePastDueSubscriptionToBeFixedWithAnotherCard() {
        target.assumeEmulator("a renewal needs a month of emulated time to pass");
        Accounts.Account account = target.accounts().fresh();
        // The verification token lives a month: this check moves time further than that.
        Api api = target.api().as(longLivedToken(account));
        String visa = api.post("/billing/payment-methods", Json.object("payment_method_id", VISA, "make_default", true))
                .expect(201).text("id");
        long id = subscriptionId(api, subscribe(api, plans(api).get(0), visa).expect(200));
        api.post("/subscriptions/" + id + "/fix-payment").expectError(409, "invalid_state");
        api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_card_chargeCustomerFail", "make_default", true))
                .expect(201);
        // The subscription renews with its own card while it is saved, then with the default card.
        api.delete("/billing/payment-methods/" + visa).expect(200);

        target.control().advanceClock(Duration.ofDays(32));

        assertEquals("past_due", status(api, id).path("status").asText());
        api.post("/subscriptions/" + id + "/fix-payment").expectError(402, "payment_declined");
        api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_card_mastercard", "make_default", true))
                .expect(201);
        Answer fixed = api.post("/subscriptions/" + id + "/fix-payment").expect(200);
        assertEquals("active", fixed.data().path("subscription").path("status").asText());
        assertEquals("succeeded", fixed.data().path("payment").path("status").asText());
        assertEquals("active", status(api, id).path("status").asText());
    }

    @Test
    @Verifies("createSubscription.one-live-per-plan")
    void aSecondSubscriptionToAPlanTheAccountHoldsIsRefusedAndChargesNothing() {
        target.assumeEmulator("a live account would be charged for the first subscription, and twice if the API allowed the second");
        Api api = target.api().as(target.accounts().fresh().token());
        JsonNode plan = plans(api).get(0);
        long id = subscriptionId(api, subscribe(api, plan, VISA).expect(200));

        Answer again = subscribe(api, plan, VISA).expectError(409, "invalid_state");

        assertEquals(id, again.details().path("subscription_id").asLong(), again.body());
        assertEquals(1, api.get("/billing/invoices").expect(200).data().size(), "nothing charged the second time");
        assertEquals(1, api.get("/subscriptions").expect(200).data().size());
    }

    @Test
    @Verifies("createSubscription.card-saved")
    void theCardOfAHeadlessSubscriptionIsSavedToTheAccount() {
        target.assumeEmulator("needs an account without cards, subscribed with a Stripe test card");
        Api api = target.api().as(target.accounts().fresh().token());

        Answer created = subscribe(api, plans(api).get(0), VISA).expect(200);

        JsonNode cards = api.get("/billing/payment-methods").expect(200).data();
        assertEquals(1, cards.size(), cards.toString());
        assertEquals(created.data().path("payment").path("payment_method_id").asText(), cards.get(0).path("id").asText(),
                created.body());
    }

    @Test
    @Verifies({"createSubscription.three-d-secure-completable", "payments.three-d-secure-page"})
    void aPersonCompletingThreeDSecureStartsTheSubscription() {
        target.assumeEmulator("a person passes 3D Secure through the emulator's control API");
        Api api = target.api().as(target.accounts().fresh().token());
        long plan = plans(api).get(0).path("id").asLong();

        Answer needs3ds = subscribe(api, plans(api).get(0), "pm_card_authenticationRequired").expectError(402, "payment_declined");
        assertEquals("authentication_required", needs3ds.details().path("decline_code").asText(), needs3ds.body());
        String intent = needs3ds.details().path("payment_intent_id").asText();
        assertEquals("pending", api.get("/payments/" + intent + "/status").expect(200).text("status"));
        assertEquals(0, api.get("/subscriptions").expect(200).data().size(), "nothing subscribed before the person authenticates");

        target.control().authenticate(intent, true);

        assertEquals("succeeded", api.get("/payments/" + intent + "/status").expect(200).text("status"));
        JsonNode subscriptions = api.get("/subscriptions").expect(200).data();
        assertEquals(1, subscriptions.size(), subscriptions.toString());
        assertEquals(plan, subscriptions.get(0).path("plan_id").asLong());
        assertEquals("active", subscriptions.get(0).path("status").asText());
    }

    @Test
    @Verifies({"pauseSubscription.stops-renewals", "updateSubscription.only-active-or-trialing"})
    void aPausedSubscriptionIsNeitherRenewedNorMovedToAnotherPlan() {
        target.assumeEmulator("a renewal needs a month of emulated time to pass");
        Accounts.Account account = target.accounts().fresh();
        Api api = target.api().as(longLivedToken(account));
        List<JsonNode> plans = plans(api);
        long id = subscriptionId(api, subscribe(api, plans.get(0), VISA).expect(200));
        api.post("/subscriptions/" + id + "/pause").expect(200);

        api.put("/subscriptions/" + id, Json.object("new_plan_id", plans.get(1).path("id").asLong())).expectError(409, "invalid_state");
        target.control().advanceClock(Duration.ofDays(40));

        JsonNode paused = status(api, id);
        assertEquals("paused", paused.path("status").asText(), paused.toString());
        assertTrue(paused.path("next_billing_date").isNull(), paused.toString());
        assertEquals(1, api.get("/billing/invoices").expect(200).data().size(), "no renewal was charged while paused");
    }

    private String longLivedToken(Accounts.Account account) {
        return target.api().withoutToken().post("/auth/login", Json.object("email", account.email(), "password", account.password(),
                "token_expiry", "1_year")).expect(200).text("access_token");
    }

    /** The catalogue's plans, cheapest first. */
    static List<JsonNode> plans(Api api) {
        List<JsonNode> plans = new ArrayList<>();
        api.get("/subscriptions/plans").expect(200).data().path("subscription_plans").forEach(plans::add);
        plans.sort(Comparator.comparing(p -> p.path("price").decimalValue()));
        assertTrue(plans.size() >= 2, "the catalogue needs two plans to change between: " + plans);
        return plans;
    }

    static Answer subscribe(Api api, JsonNode plan, String card) {
        Object body = card == null ? Json.object("plan_id", plan.path("id").asLong())
                : Json.object("plan_id", plan.path("id").asLong(), "payment_method_id", card);
        return api.withIdempotencyKey("conformance-" + java.util.UUID.randomUUID()).post("/subscriptions", body);
    }

    /** The new subscription's id: in the answer when it carries the subscription, else the newest listed. */
    static long subscriptionId(Api api, Answer created) {
        JsonNode subscription = created.data().path("subscription");
        return subscription.has("id") ? subscription.path("id").asLong()
                : api.get("/subscriptions").expect(200).data().get(0).path("id").asLong();
    }

    private static JsonNode status(Api api, long id) {
        return api.get("/subscriptions/" + id + "/status").expect(200).data();
    }
}
