package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.FakeStripe;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.modelslabtwin.conformance.Steps.VISA;
import static dev.modelslabtwin.conformance.Steps.assertMoney;
import static dev.modelslabtwin.conformance.Steps.balance;
import static dev.modelslabtwin.conformance.Steps.fund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documentation's three payment paths, end to end: headless (tokenise with Stripe, pay with the
 * {@code pm_}), setup intent (save a card with Stripe, attach it, pay with the default card) and
 * human-assisted (a Checkout link a person pays, then confirm-checkout).
 */
@ConformanceCheck
class PaymentPathsTest {

    private static final String VISA_NUMBER = "4242424242424242";

    private final Target target = Target.current();

    @Test
    @Verifies({"fundWallet.card-charged-at-once", "payments.one-off-cards-not-saved"})
    void headlessPathTokenisesACardWithStripeAndFundsTheWalletWithIt() {
        target.assumeEmulator("tokenising a card sends card data, which the suite only sends to the emulator's fake Stripe");
        Api api = target.api().as(target.accounts().fresh().token());
        String publishableKey = publishableKey(api);
        String card = new FakeStripe(target, publishableKey).createCardPaymentMethod(VISA_NUMBER);
        assertTrue(card.startsWith("pm_"), card);

        Answer funded = fund(api, "25", card).expect(200);

        assertEquals("succeeded", funded.data().path("payment").path("status").asText());
        assertEquals(card, funded.data().path("payment").path("payment_method_id").asText());
        assertMoney("25.00", balance(api));
        assertEquals(0, api.get("/billing/payment-methods").expect(200).data().size(), "a card used once to fund is not saved");
        fund(api, "10", card).expectInvalid("payment_method_id");
        assertMoney("25.00", balance(api));
    }

    @Test
    @Verifies("fundWallet.card-charged-at-once")
    void setupIntentPathSavesACardWithStripeThatThenPaysAgainAndAgain() {
        target.assumeEmulator("confirming a SetupIntent sends card data, which the suite only sends to the emulator's fake Stripe");
        Api api = target.api().as(target.accounts().fresh().token());
        Answer intent = api.post("/billing/setup-intent").expect(200);
        String setupIntent = intent.text("setup_intent_id");

        String card = new FakeStripe(target, publishableKey(api)).confirmSetupIntent(setupIntent, intent.text("client_secret"),
                VISA_NUMBER);
        Answer attached = api.post("/billing/payment-methods", Json.object("payment_method_id", card, "make_default", true)).expect(201);
        assertTrue(attached.data().path("is_default").asBoolean(), attached.body());

        Answer funded = fund(api, "50", card).expect(200);
        Answer again = fund(api, "10", card).expect(200);

        assertEquals(card, funded.data().path("payment").path("payment_method_id").asText());
        assertEquals(card, again.data().path("payment").path("payment_method_id").asText(), "a saved card pays again");
        assertMoney("60.00", balance(api));
    }

    @Test
    @Verifies({"checkout.unpaid-answers-409", "checkout.confirmed-once"})
    void humanAssistedPathConfirmsAPaidPaymentLinkExactlyOnce() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "creating a payment link");
        Api api = target.api().as(target.accounts().own().token());
        BigDecimal before = balance(api);
        Answer link = api.post("/billing/payment-link", Json.object("purpose", "fund", "amount", 25)).expect(200);
        String session = link.text("session_id");

        Answer unpaid = api.post("/wallet/confirm-checkout", Json.object("session_id", session))
                .expectError(409, "checkout_not_completed");
        assertEquals(session, unpaid.details().path("session_id").asText(), unpaid.body());
        target.assumeEmulator("a person has to pay on Stripe Checkout; against a live server the suite stops at the unpaid session");

        target.control().payCheckout(session, VISA);

        Answer confirmed = api.post("/wallet/confirm-checkout", Json.object("session_id", session)).expect(200);
        assertFalse(confirmed.data().path("already_confirmed").asBoolean());
        assertMoney("25.00", confirmed.money("amount"));
        assertMoney(before.add(new BigDecimal("25")), confirmed.money("balance"));
        Answer again = api.post("/wallet/confirm-checkout", Json.object("session_id", session)).expect(200);
        assertTrue(again.data().path("already_confirmed").asBoolean(), again.body());
        assertMoney(before.add(new BigDecimal("25")), balance(api));
    }

    @Test
    @Verifies("fundWallet.checkout-without-payment-method")
    void fundingWithoutACardChargesNothingAndHandsOutACheckoutSession() {
        Api api = target.api().as(target.accounts().own().token());
        Steps.assumeNothingCanBeCharged(target, api, true, "funding");
        BigDecimal before = balance(api);

        Answer offered = fund(api, "30", null).expect(200);

        String session = offered.text("session_id");
        assertTrue(session.startsWith("cs_"), offered.body());
        assertTrue(offered.text("payment_url").startsWith("http"), offered.body());
        assertEquals(offered.text("payment_url"), offered.text("checkout_url"));
        assertFalse(offered.data().has("payment"), "nothing was charged: " + offered.body());
        assertMoney(before, balance(api));
        api.post("/wallet/confirm-checkout", Json.object("session_id", session)).expectError(409, "checkout_not_completed");
        target.assumeEmulator("a person has to pay on Stripe Checkout; against a live server the suite stops at the unpaid session");

        target.control().payCheckout(session, VISA);

        api.post("/wallet/confirm-checkout", Json.object("session_id", session)).expect(200);
        assertMoney(before.add(new BigDecimal("30")), balance(api));
    }

    @Test
    @Verifies("checkout.session-lifetime")
    void anUnpaidCheckoutSessionExpiresAfterHalfAnHour() {
        target.assumeEmulator("moving time forward goes through the emulator's control API");
        Api api = target.api().as(target.accounts().fresh().token());
        String session = fund(api, "30", null).expect(200).text("session_id");

        target.control().advanceClock(Duration.ofMinutes(29));
        api.post("/wallet/confirm-checkout", Json.object("session_id", session)).expectError(409, "checkout_not_completed");
        target.control().advanceClock(Duration.ofMinutes(2));

        api.post("/wallet/confirm-checkout", Json.object("session_id", session)).expectError(409, "checkout_expired");
    }

    @Test
    @Verifies({"checkout.purpose-checked", "checkout.confirmed-once", "confirmSubscriptionCheckout.active-at-once"})
    void aSubscriptionPaymentLinkStartsTheSubscriptionOnceConfirmed() {
        target.assumeEmulator("a person has to pay on Stripe Checkout");
        Api api = target.api().as(target.accounts().fresh().token());
        long plan = api.get("/subscriptions/plans").expect(200).data().path("subscription_plans").get(0).path("id").asLong();
        String session = api.post("/billing/payment-link", Json.object("purpose", "subscribe", "plan_id", plan)).expect(200)
                .text("session_id");
        target.control().payCheckout(session, VISA);

        api.post("/wallet/confirm-checkout", Json.object("session_id", session)).expectError(409, "invalid_state");
        Answer confirmed = api.post("/subscriptions/confirm-checkout", Json.object("session_id", session)).expect(200);

        assertEquals("active", confirmed.text("status"));
        assertEquals(plan, confirmed.data().path("subscription").path("plan_id").asLong());
        assertFalse(confirmed.data().path("already_confirmed").asBoolean());
        JsonNode again = api.post("/subscriptions/confirm-checkout", Json.object("session_id", session)).expect(200).data();
        assertTrue(again.path("already_confirmed").asBoolean(), again.toString());
        assertEquals(1, api.get("/subscriptions").expect(200).data().size());
    }

    @Test
    @Verifies("checkout.emulator-pages")
    void onTheEmulatorAPaymentLinkOpensItsOwnCheckoutPage() throws Exception {
        target.assumeEmulator("the live API hands out Stripe's checkout.stripe.com, which takes real cards");
        Api api = target.api().as(target.accounts().fresh().token());
        Answer link = api.post("/billing/payment-link", Json.object("purpose", "fund", "amount", 25)).expect(200);
        URI page = URI.create(link.text("payment_url"));
        assertEquals(target.root().getAuthority(), page.getAuthority(), "the emulator serves the page itself: " + page);

        HttpResponse<String> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, opened.statusCode(), page.toString());
        assertTrue(opened.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.toString());
        assertTrue(opened.body().contains("4242"), "the page says which test card pays");
        assertEquals(link.text("payment_url"), link.text("checkout_url"));
    }

    /** The key as {@code GET /billing/stripe-config} hands it out, the same in {@code data} and at the top level. */
    static String publishableKey(Api api) {
        Answer config = api.get("/billing/stripe-config").expect(200);
        String key = config.text("publishable_key");
        assertEquals(key, config.json().path("publishable_key").asText(), "the top-level mirror (disagreement 2)");
        return key;
    }
}
