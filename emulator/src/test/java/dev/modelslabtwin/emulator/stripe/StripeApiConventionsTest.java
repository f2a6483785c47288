package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.stripe.api.StripeApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.modelslabtwin.emulator.stripe.CardTokenisationTest.assertInvalidRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every fake Stripe call shares with Stripe's: the {@code Stripe-Version} it answers with,
 * {@code expand[]} and its limits, and tokens wherever Stripe takes one.
 */
class StripeApiConventionsTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void everyAnswerNamesThePinnedApiVersionOrTheOneTheRequestPinned() {
        TestHttp.Answer unpinned = FakeStripe.basic(emu).tokenise("4242424242424242", "123");
        TestHttp.Answer pinned = send("POST", "/v1/payment_methods", card(), Map.of("Stripe-Version", "2025-03-31.basil"));

        assertEquals(StripeApi.API_VERSION, unpinned.header("Stripe-Version"));
        assertEquals(200, pinned.status(), pinned.body());
        assertEquals("2025-03-31.basil", pinned.header("Stripe-Version"));
    }

    @Test
    void aMalformedApiVersionIsRefused() {
        TestHttp.Answer answer = send("POST", "/v1/payment_methods", card(), Map.of("Stripe-Version", "latest"));

        assertInvalidRequest(answer, 400, null, null);
        assertTrue(answer.json().path("error").path("message").asText().startsWith("Invalid Stripe API version: latest"));
    }

    @Test
    void aFieldStripeDoesNotExpandIsRefused() {
        FakeStripe.SetupIntent intent = FakeStripe.setupIntent(emu.as(emu.newAccount().token()));

        TestHttp.Answer answer = FakeStripe.basic(emu).get("/v1/setup_intents/" + intent.id() + "?client_secret="
                + intent.clientSecret() + "&expand[]=status");

        assertInvalidRequest(answer, 400, null, "expand");
        assertEquals("This property cannot be expanded (status).", answer.json().path("error").path("message").asText());
    }

    @Test
    void aPublishableKeyExpandsOnlyWhatItMayRead() {
        TestHttp api = emu.as(emu.newAccount().token());
        JsonNode payment = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"pm_card_authenticationRequired\"}")
                .json().path("data").path("payment");
        String path = "/v1/payment_intents/" + payment.path("payment_intent_id").asText() + "?client_secret="
                + payment.path("client_secret").asText();

        TestHttp.Answer card = FakeStripe.basic(emu).get(path + "&expand[]=payment_method");
        TestHttp.Answer charge = FakeStripe.basic(emu).get(path + "&expand[]=customer");

        assertEquals("payment_method", card.json().path("payment_method").path("object").asText(), card.body());
        assertInvalidRequest(charge, 400, null, "expand");
    }

    @Test
    void expansionGoesFourLevelsDeepAndNoFurther() {
        TestHttp api = emu.as(emu.newAccount().token());
        String saved = api.post("/billing/payment-methods", "{\"payment_method_id\": \"pm_card_visa\"}").json().path("data")
                .path("id").asText();
        String id = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"" + saved + "\"}").json()
                .path("data").path("payment").path("payment_intent_id").asText();
        FakeStripe secret = FakeStripe.secret(emu);

        JsonNode deep = secret.get("/v1/payment_intents/" + id + "?expand[]=latest_charge.payment_intent.payment_method.customer")
                .json();
        TestHttp.Answer deeper = secret.get("/v1/payment_intents/" + id
                + "?expand[]=latest_charge.payment_intent.latest_charge.payment_intent.customer");

        assertEquals("customer", deep.path("latest_charge").path("payment_intent").path("payment_method").path("customer")
                .path("object").asText(), deep.toString());
        assertInvalidRequest(deeper, 400, null, "expand");
    }

    @Test
    void aTokenConfirmsASetupIntentAsPaymentMethodData() {
        TestHttp api = emu.as(emu.newAccount().token());
        FakeStripe.SetupIntent intent = FakeStripe.setupIntent(api);

        TestHttp.Answer answer = FakeStripe.basic(emu).post("/v1/setup_intents/" + intent.id() + "/confirm", Map.of(
                "client_secret", intent.clientSecret(), "payment_method_data[type]", "card",
                "payment_method_data[card][token]", "tok_mastercard"));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("succeeded", answer.json().path("status").asText());
    }

    @Test
    void aConfirmAsStripeJsSendsItIsTaken() {
        FakeStripe.SetupIntent intent = FakeStripe.setupIntent(emu.as(emu.newAccount().token()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", emu.emulator().services().publishableKey());
        form.put("client_secret", intent.clientSecret());
        form.put("payment_method_data[type]", "card");
        form.put("payment_method_data[card][token]", "tok_visa");
        form.put("payment_method_data[guid]", "NA");
        form.put("payment_method_data[muid]", "NA");
        form.put("payment_method_data[sid]", "NA");
        form.put("payment_method_data[payment_user_agent]", "stripe.js/1; stripe-js-v3/1; card-element");
        form.put("payment_method_data[time_on_page]", "1200");
        form.put("use_stripe_sdk", "true");
        form.put("expected_payment_method_type", "card");
        form.put("expand[0]", "payment_method");

        TestHttp.Answer answer = FakeStripe.basic(emu).withKey(FakeStripe.Auth.NONE, null)
                .post("/v1/setup_intents/" + intent.id() + "/confirm", form);

        assertEquals(200, answer.status(), answer.body());
        assertEquals("visa", answer.json().path("payment_method").path("card").path("brand").asText());
    }

    @Test
    void aTokenIsNotAPaymentMethodAndTheAnswerSaysWhatToDoInstead() {
        FakeStripe.SetupIntent intent = FakeStripe.setupIntent(emu.as(emu.newAccount().token()));

        TestHttp.Answer answer = FakeStripe.basic(emu).confirm(intent, "tok_visa");

        assertInvalidRequest(answer, 404, "resource_missing", "payment_method");
        assertTrue(answer.json().path("error").path("message").asText().contains("payment_method_data[card][token]=tok_visa"));
    }

    @Test
    void aTokenAndCardDetailsTogetherAreRefused() {
        Map<String, String> form = card();
        form.put("card[token]", "tok_visa");

        assertInvalidRequest(FakeStripe.basic(emu).post("/v1/payment_methods", form), 400, null, "card[token]");
    }

    @Test
    void theSecretKeysViewConfirmsWithoutAClientSecretAndRefusesOne() {
        FakeStripe.SetupIntent intent = FakeStripe.setupIntent(emu.as(emu.newAccount().token()));
        FakeStripe secret = FakeStripe.secret(emu);

        TestHttp.Answer withSecret = secret.post("/v1/setup_intents/" + intent.id() + "/confirm",
                Map.of("payment_method", "pm_card_visa", "client_secret", intent.clientSecret()));
        TestHttp.Answer without = secret.post("/v1/setup_intents/" + intent.id() + "/confirm", Map.of("payment_method", "pm_card_visa"));

        assertInvalidRequest(withSecret, 400, "parameter_unknown", "client_secret");
        assertEquals(200, without.status(), without.body());
    }

    private static Map<String, String> card() {
        Map<String, String> card = new LinkedHashMap<>();
        card.put("type", "card");
        card.put("card[number]", "4242424242424242");
        card.put("card[exp_month]", "12");
        card.put("card[exp_year]", Integer.toString(FakeStripe.futureYear(emu)));
        return card;
    }

    private static TestHttp.Answer send(String method, String path, Map<String, String> form, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + emu.emulator().services().publishableKey());
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return new TestHttp(emu.emulator().baseUrl()).sendToRoot(method, path, FakeStripe.form(form), all);
    }
}
