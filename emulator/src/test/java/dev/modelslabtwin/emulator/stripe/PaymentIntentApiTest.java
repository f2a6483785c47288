package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Map;

import static dev.modelslabtwin.emulator.stripe.CardTokenisationTest.assertInvalidRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /v1/payment_intents/{id}} and its confirm, for the PaymentIntents the API's charges make:
 * one awaiting 3D Secure until the person authenticates on its {@code next_action} page, one declined
 * and then confirmed again with another card.
 */
class PaymentIntentApiTest {

    @RegisterExtension
    private static final TestEmulator emu = TestEmulator.shared();
    private static FakeStripe stripe;

    @BeforeAll
    static void start() {
        stripe = FakeStripe.bearer(emu);
    }


    @Test
    void aPaymentAwaiting3DSecureIsRetrievedWithTheNextActionTheApiHandedOut() {
        TestHttp api = emu.as(emu.newAccount().token());
        JsonNode payment = fund(api, "pm_card_authenticationRequired", 202).path("data").path("payment");
        String id = payment.path("payment_intent_id").asText();

        TestHttp.Answer answer = stripe.get("/v1/payment_intents/" + id + "?client_secret=" + payment.path("client_secret").asText());

        assertEquals(200, answer.status(), answer.body());
        JsonNode intent = answer.json();
        assertEquals("payment_intent", intent.path("object").asText());
        assertEquals("requires_action", intent.path("status").asText());
        assertEquals(3050, intent.path("amount").asLong(), "amounts are in cents");
        assertEquals("usd", intent.path("currency").asText());
        assertEquals(payment.path("client_secret").asText(), intent.path("client_secret").asText());
        assertEquals(payment.path("next_action_url").asText(),
                intent.path("next_action").path("redirect_to_url").path("url").asText());
        assertTrue(intent.path("payment_method").asText().startsWith("pm_"));
    }

    @Test
    void confirmingBeforeAuthenticationKeepsItWaitingAndAfterApprovalItHasSucceededAndCreditedOnce() {
        TestHttp api = emu.as(emu.newAccount().token());
        String id = fund(api, "pm_card_threeDSecure2Required", 202).path("data").path("payment").path("payment_intent_id").asText();

        TestHttp.Answer early = FakeStripe.secret(emu).post("/v1/payment_intents/" + id + "/confirm", Map.of());
        assertEquals(200, early.status(), early.body());
        assertEquals("requires_action", early.json().path("status").asText());
        assertEquals(new BigDecimal("0.00"), FakeStripe.balance(api));

        TestHttp.Answer page = FakeStripe.page(emu, "/stripe/3ds/" + id);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("$30.50"), page.body());
        TestHttp.Answer approved = FakeStripe.submit(emu, "/stripe/3ds/" + id, Map.of("outcome", "approve"));
        assertEquals(200, approved.status(), approved.body());
        assertTrue(approved.body().contains("The payment succeeded."));

        JsonNode after = FakeStripe.secret(emu).get("/v1/payment_intents/" + id).json();
        assertEquals("succeeded", after.path("status").asText());
        assertEquals(3050, after.path("amount_received").asLong());
        assertTrue(after.path("latest_charge").asText().startsWith("ch_"), "the approved charge");
        assertTrue(after.path("next_action").isNull());
        assertEquals(new BigDecimal("30.50"), FakeStripe.balance(api));

        TestHttp.Answer again = FakeStripe.secret(emu).post("/v1/payment_intents/" + id + "/confirm",
                Map.of("payment_method", "pm_card_visa"));
        assertInvalidRequest(again, 400, "payment_intent_unexpected_state", null);
        assertEquals("succeeded", again.json().path("error").path("payment_intent").path("status").asText());
        assertEquals(new BigDecimal("30.50"), FakeStripe.balance(api));

        TestHttp.Answer pageAgain = FakeStripe.submit(emu, "/stripe/3ds/" + id, Map.of("outcome", "approve"));
        assertEquals(409, pageAgain.status(), "a second approval does nothing");
        assertEquals(new BigDecimal("30.50"), FakeStripe.balance(api));
    }

    @Test
    void aDeclinedPaymentShowsItsLastErrorAndConfirmingWithAnotherCardChargesAndCreditsIt() {
        var account = emu.newAccount();
        TestHttp api = emu.as(account.token());
        String id = fund(api, "pm_card_chargeCustomerFail", 402).path("error").path("details").path("payment_intent_id").asText();

        FakeStripe secret = FakeStripe.secret(emu);
        JsonNode declined = secret.get("/v1/payment_intents/" + id).json();
        assertEquals("requires_payment_method", declined.path("status").asText());
        assertTrue(declined.path("payment_method").isNull(), "Stripe clears the card after a decline");
        JsonNode error = declined.path("last_payment_error");
        assertEquals("card_error", error.path("type").asText());
        assertEquals("card_declined", error.path("code").asText());
        assertEquals("generic_decline", error.path("decline_code").asText());
        assertEquals("0341", error.path("payment_method").path("card").path("last4").asText());

        TestHttp.Answer stillDeclined = secret.post("/v1/payment_intents/" + id + "/confirm",
                Map.of("payment_method", stripe.paymentMethod("4000000000009995")));
        assertEquals(402, stillDeclined.status(), stillDeclined.body());
        assertEquals("insufficient_funds", stillDeclined.json().path("error").path("decline_code").asText());
        assertEquals("requires_payment_method", stillDeclined.json().path("error").path("payment_intent").path("status").asText());

        TestHttp.Answer confirmed = secret.post("/v1/payment_intents/" + id + "/confirm",
                Map.of("payment_method", stripe.paymentMethod("4242424242424242")));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("succeeded", confirmed.json().path("status").asText());
        assertTrue(confirmed.json().path("last_payment_error").isNull());
        assertEquals(new BigDecimal("30.50"), FakeStripe.balance(api), "the top-up is fulfilled by the retried charge");
        assertEquals("succeeded", api.get("/payments/" + id + "/status").json().path("data").path("status").asText());
    }

    @Test
    void thePublishableKeyReadsAPaymentIntentOnlyWithItsClientSecretAndSeesThePublishableFields() {
        TestHttp api = emu.as(emu.newAccount().token());
        JsonNode payment = fund(api, "pm_card_authenticationRequired", 202).path("data").path("payment");
        String id = payment.path("payment_intent_id").asText();

        assertInvalidRequest(stripe.get("/v1/payment_intents/" + id), 400, "parameter_missing", "client_secret");
        JsonNode seen = stripe.get("/v1/payment_intents/" + id + "?client_secret=" + payment.path("client_secret").asText()).json();
        assertEquals(new java.util.TreeSet<>(java.util.List.of("id", "object", "amount", "automatic_payment_methods",
                "canceled_at", "cancellation_reason", "capture_method", "client_secret", "confirmation_method", "created",
                "currency", "description", "last_payment_error", "livemode", "next_action", "payment_method",
                "payment_method_types", "processing", "receipt_email", "setup_future_usage", "shipping", "status")),
                fieldNames(seen), "the fields Stripe marks retrievable with a publishable key");
        assertTrue(FakeStripe.secret(emu).get("/v1/payment_intents/" + id).json().path("customer").asText().startsWith("cus_"));
    }

    @Test
    void aPublishableKeyConfirmsAPaymentIntentOnlyWithItsClientSecret() {
        TestHttp api = emu.as(emu.newAccount().token());
        String id = fund(api, "pm_card_chargeCustomerFail", 402).path("error").path("details").path("payment_intent_id").asText();

        TestHttp.Answer answer = stripe.post("/v1/payment_intents/" + id + "/confirm", Map.of("payment_method", "pm_card_visa"));

        assertInvalidRequest(answer, 400, "parameter_missing", "client_secret");
        assertEquals(new BigDecimal("0.00"), FakeStripe.balance(api), "nothing charged");
    }

    @Test
    void aWrongClientSecretIsRefused() {
        TestHttp api = emu.as(emu.newAccount().token());
        String id = fund(api, "pm_card_authenticationRequired", 202).path("data").path("payment").path("payment_intent_id").asText();

        assertInvalidRequest(stripe.get("/v1/payment_intents/" + id + "?client_secret=" + id + "_secret_nope"), 400, null,
                "client_secret");
    }

    @Test
    void anUnknownPaymentIntentIsResourceMissing() {
        TestHttp.Answer answer = stripe.post("/v1/payment_intents/pi_doesNotExist/confirm", Map.of("payment_method", "pm_card_visa"));

        assertInvalidRequest(answer, 404, "resource_missing", "intent");
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode fund(TestHttp api, String card, int status) {
        TestHttp.Answer answer = api.post("/wallet/fund", "{\"amount\": 30.50, \"payment_method_id\": \"" + card + "\"}");
        assertEquals(status, answer.status(), answer.body());
        return answer.json();
    }

}
