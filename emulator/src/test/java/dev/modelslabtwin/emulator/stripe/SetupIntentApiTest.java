package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.auth.Accounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static dev.modelslabtwin.emulator.stripe.CardTokenisationTest.assertInvalidRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /v1/setup_intents/{id}} and its confirm, as the documented SetupIntent flow calls them. */
class SetupIntentApiTest {

    @RegisterExtension
    private static final TestEmulator emu = TestEmulator.shared();
    private static FakeStripe stripe;

    @BeforeAll
    static void start() {
        stripe = FakeStripe.basic(emu);
    }


    @Test
    void aNewSetupIntentIsRetrievedInStripesShape() {
        var account = emu.newAccount();
        SetupIntents.SetupIntent intent = newSetupIntent(account);

        TestHttp.Answer answer = stripe.get("/v1/setup_intents/" + intent.id() + "?client_secret=" + intent.clientSecret());

        assertEquals(200, answer.status(), answer.body());
        JsonNode json = answer.json();
        assertEquals(intent.id(), json.path("id").asText());
        assertEquals("setup_intent", json.path("object").asText());
        assertEquals("requires_payment_method", json.path("status").asText());
        assertEquals(intent.clientSecret(), json.path("client_secret").asText());
        assertTrue(json.path("payment_method").isNull());
        assertTrue(json.path("next_action").isNull());
        assertTrue(json.path("last_setup_error").isNull());
        assertFalse(json.has("customer"), "a publishable key sees the publishable fields only");
        assertFalse(json.has("metadata"));
        assertEquals(customer(account), FakeStripe.secret(emu).get("/v1/setup_intents/" + intent.id()).json()
                .path("customer").asText(), "the secret key's view has it");
    }

    @Test
    void thePublishableKeyReadsASetupIntentOnlyWithItsClientSecret() {
        SetupIntents.SetupIntent intent = newSetupIntent(emu.newAccount());

        assertInvalidRequest(stripe.get("/v1/setup_intents/" + intent.id()), 400, "parameter_missing", "client_secret");
    }

    @Test
    void theGuidesConfirmWithoutAClientSecretIsRefusedAsStripeRefusesIt() {
        var account = emu.newAccount();
        SetupIntents.SetupIntent intent = newSetupIntent(account);

        TestHttp.Answer answer = stripe.post("/v1/setup_intents/" + intent.id() + "/confirm", Map.of(
                "payment_method_data[type]", "card",
                "payment_method_data[card][number]", "4242424242424242",
                "payment_method_data[card][exp_month]", "12",
                "payment_method_data[card][exp_year]", Integer.toString(FakeStripe.futureYear(emu)),
                "payment_method_data[card][cvc]", "123"));

        assertInvalidRequest(answer, 400, "parameter_missing", "client_secret");
        assertTrue(emu.database().transaction(db -> PaymentMethods.list(db, account.id())).isEmpty(), "nothing saved");
        assertEquals("requires_payment_method", read(intent).path("status").asText());
    }

    @Test
    void confirmingWithCardDataAsTheDocumentedFlowDoesSavesTheCard() {
        var account = emu.newAccount();
        SetupIntents.SetupIntent intent = newSetupIntent(account);

        TestHttp.Answer answer = confirm(intent, Map.of(
                "payment_method_data[type]", "card",
                "payment_method_data[card][number]", "4242424242424242",
                "payment_method_data[card][exp_month]", "12",
                "payment_method_data[card][exp_year]", Integer.toString(FakeStripe.futureYear(emu)),
                "payment_method_data[card][cvc]", "123"));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("succeeded", answer.json().path("status").asText());
        String paymentMethod = answer.json().path("payment_method").asText();
        assertTrue(paymentMethod.startsWith("pm_"), answer.body());
        List<PaymentMethods.Card> saved = emu.database().transaction(db -> PaymentMethods.list(db, account.id()));
        assertEquals(List.of(paymentMethod), saved.stream().map(PaymentMethods.Card::id).toList());
        assertEquals(customer(account), FakeStripe.secret(emu).get("/v1/payment_methods/" + paymentMethod).json()
                .path("customer").asText());
    }

    @Test
    void confirmingWithAPaymentMethodShortcutSavesAFreshCard() {
        var account = emu.newAccount();
        SetupIntents.SetupIntent intent = newSetupIntent(account);

        TestHttp.Answer answer = stripe.post("/v1/setup_intents/" + intent.id() + "/confirm?expand[]=payment_method",
                Map.of("payment_method", "pm_card_mastercard", "client_secret", intent.clientSecret()));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("mastercard", answer.json().path("payment_method").path("card").path("brand").asText(),
                "expand[]=payment_method returns the object");
    }

    @Test
    void aCardRefusedAtAttachLeavesTheSetupIntentWaitingWithItsLastErrorAndAnotherCardCanFollow() {
        var account = emu.newAccount();
        SetupIntents.SetupIntent intent = newSetupIntent(account);

        TestHttp.Answer declined = confirm(intent, Map.of("payment_method", stripe.paymentMethod("4000000000009995")));

        assertEquals(402, declined.status(), declined.body());
        JsonNode error = declined.json().path("error");
        assertEquals("card_declined", error.path("code").asText());
        assertEquals("insufficient_funds", error.path("decline_code").asText());
        assertEquals("requires_payment_method", error.path("setup_intent").path("status").asText());
        assertEquals("insufficient_funds", error.path("setup_intent").path("last_setup_error").path("decline_code").asText());
        assertEquals("9995", error.path("payment_method").path("card").path("last4").asText());
        assertTrue(emu.database().transaction(db -> PaymentMethods.list(db, account.id())).isEmpty());

        TestHttp.Answer retried = confirm(intent, Map.of("payment_method", stripe.paymentMethod("4242424242424242")));
        assertEquals(200, retried.status(), retried.body());
        assertEquals("succeeded", retried.json().path("status").asText());
        assertTrue(retried.json().path("last_setup_error").isNull());
    }

    @Test
    void aCardNeeding3DSecureStopsAtRequiresActionUntilThePersonApprovesOnThePage() {
        var account = emu.newAccount();
        SetupIntents.SetupIntent intent = newSetupIntent(account);

        TestHttp.Answer pending = confirm(intent, Map.of("payment_method", "pm_card_authenticationRequired"));

        assertEquals(200, pending.status(), pending.body());
        assertEquals("requires_action", pending.json().path("status").asText());
        JsonNode action = pending.json().path("next_action");
        assertEquals("redirect_to_url", action.path("type").asText());
        String url = action.path("redirect_to_url").path("url").asText();
        assertEquals(emu.emulator().baseUrl() + "/stripe/3ds/" + intent.id(), url);
        assertTrue(emu.database().transaction(db -> PaymentMethods.list(db, account.id())).isEmpty(), "not saved yet");

        TestHttp.Answer page = FakeStripe.page(emu, "/stripe/3ds/" + intent.id());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Saving this card"), page.body());
        TestHttp.Answer approved = FakeStripe.submit(emu, "/stripe/3ds/" + intent.id(), Map.of("outcome", "approve"));
        assertEquals(200, approved.status(), approved.body());
        assertTrue(approved.body().contains("The card is saved."));

        assertEquals("succeeded", read(intent).path("status").asText());
        assertEquals(1, emu.database().transaction(db -> PaymentMethods.list(db, account.id())).size());
    }

    @Test
    void failing3DSecureLeavesTheSetupIntentWithAnAuthenticationFailure() {
        var account = emu.newAccount();
        SetupIntents.SetupIntent intent = newSetupIntent(account);
        confirm(intent, Map.of("payment_method", "pm_card_threeDSecure2Required"));

        TestHttp.Answer failed = FakeStripe.submit(emu, "/stripe/3ds/" + intent.id(), Map.of("outcome", "fail"));

        assertEquals(402, failed.status(), failed.body());
        JsonNode json = read(intent);
        assertEquals("requires_payment_method", json.path("status").asText());
        assertEquals("setup_intent_authentication_failure", json.path("last_setup_error").path("code").asText());
        assertTrue(emu.database().transaction(db -> PaymentMethods.list(db, account.id())).isEmpty());
    }

    @Test
    void aSucceededSetupIntentCannotBeConfirmedAgain() {
        var account = emu.newAccount();
        SetupIntents.SetupIntent intent = newSetupIntent(account);
        confirm(intent, Map.of("payment_method", "pm_card_visa"));

        TestHttp.Answer again = confirm(intent, Map.of("payment_method", "pm_card_visa"));

        assertInvalidRequest(again, 400, "setup_intent_unexpected_state", null);
        assertEquals(1, emu.database().transaction(db -> PaymentMethods.list(db, account.id())).size());
    }

    @Test
    void aWrongClientSecretIsRefused() {
        SetupIntents.SetupIntent intent = newSetupIntent(emu.newAccount());

        TestHttp.Answer answer = stripe.post("/v1/setup_intents/" + intent.id() + "/confirm",
                Map.of("payment_method", "pm_card_visa", "client_secret", intent.id() + "_secret_wrong"));

        assertInvalidRequest(answer, 400, null, "client_secret");
        assertEquals("requires_payment_method", read(intent).path("status").asText());
    }

    @Test
    void confirmingWithoutACardSaysWhatIsMissing() {
        SetupIntents.SetupIntent intent = newSetupIntent(emu.newAccount());

        assertInvalidRequest(confirm(intent, Map.of()), 400, "parameter_missing", "payment_method");
        assertInvalidRequest(confirm(intent, Map.of("payment_method", "pm_card_visa", "payment_method_data[type]", "card")),
                400, null, "payment_method_data");
    }

    @Test
    void anotherAccountsCardIsAsUnknownAsAMadeUpOne() {
        var owner = emu.newAccount();
        SetupIntents.SetupIntent ownersIntent = newSetupIntent(owner);
        String ownersCard = confirm(ownersIntent, Map.of("payment_method", "pm_card_visa")).json().path("payment_method").asText();
        SetupIntents.SetupIntent intent = newSetupIntent(emu.newAccount());

        TestHttp.Answer answer = confirm(intent, Map.of("payment_method", ownersCard));

        assertInvalidRequest(answer, 404, "resource_missing", "payment_method");
    }

    @Test
    void anUnknownSetupIntentIsResourceMissing() {
        assertInvalidRequest(stripe.get("/v1/setup_intents/seti_doesNotExist"), 404, "resource_missing", "intent");
    }

    /** Confirms with the publishable key and the client secret, as Stripe.js and Stripe's SDKs do. */
    private static TestHttp.Answer confirm(SetupIntents.SetupIntent intent, Map<String, String> parameters) {
        Map<String, String> form = new java.util.LinkedHashMap<>(parameters);
        form.put("client_secret", intent.clientSecret());
        return stripe.post("/v1/setup_intents/" + intent.id() + "/confirm", form);
    }

    private static JsonNode read(SetupIntents.SetupIntent intent) {
        return stripe.get("/v1/setup_intents/" + intent.id() + "?client_secret=" + intent.clientSecret()).json();
    }

    private static SetupIntents.SetupIntent newSetupIntent(TestEmulator.TestAccount account) {
        return emu.database().transaction(db -> SetupIntents.create(db, account.id(), emu.clock().instant()));
    }

    private static String customer(TestEmulator.TestAccount account) {
        return emu.database().transaction(db -> Accounts.find(db, account.id()).orElseThrow().stripeCustomerId());
    }
}
