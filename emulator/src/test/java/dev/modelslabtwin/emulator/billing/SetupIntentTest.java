package dev.modelslabtwin.emulator.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.SetupIntents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.modelslabtwin.emulator.billing.BillingTests.cards;
import static dev.modelslabtwin.emulator.billing.BillingTests.data;
import static dev.modelslabtwin.emulator.billing.BillingTests.saveCard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saving a card with Stripe directly: the publishable key from stripe-config, a SetupIntent from the
 * API, its confirmation with Stripe (through {@link SetupIntents}, as the fake Stripe API calls it),
 * then the card in the account's list.
 */
class SetupIntentTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void stripeConfigHandsOutTheFakePublishableKeyBothWrappedAndAtTheTopLevel() {
        TestHttp.Answer answer = emu.as(emu.newAccount().token()).get("/billing/stripe-config");

        JsonNode config = data(answer);
        String key = emu.emulator().services().publishableKey();
        assertTrue(key.startsWith("pk_test_"), key);
        assertEquals(key, config.path("publishable_key").asText());
        assertEquals(key, answer.json().path("publishable_key").asText(), "as the documentation's jq .publishable_key reads it");
        assertEquals(config.path("instructions"), answer.json().path("instructions"));
        assertTrue(config.path("instructions").asText().contains("never to ModelsLab"));
    }

    @Test
    void aSetupIntentWaitsForAPaymentMethodAndEachRequestMakesANewOne() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());

        JsonNode first = data(http.post("/billing/setup-intent", null));
        JsonNode second = data(http.post("/billing/setup-intent", null));

        String id = first.path("setup_intent_id").asText();
        assertTrue(id.startsWith("seti_"), id);
        assertTrue(first.path("client_secret").asText().startsWith(id + "_secret_"));
        assertEquals("requires_payment_method", first.path("status").asText());
        assertEquals(emu.emulator().services().publishableKey(), first.path("publishable_key").asText());
        assertTrue(first.path("instructions").asText().contains("POST /billing/payment-methods"));
        assertNotEquals(id, second.path("setup_intent_id").asText());
        SetupIntents.SetupIntent stored = emu.database().transaction(db -> SetupIntents.find(db, id)).orElseThrow();
        assertEquals(account.id(), stored.accountId());
        assertEquals(first.path("client_secret").asText(), stored.clientSecret());
    }

    @Test
    void confirmingWithAGoodCardSavesItAndTheDocumentedAttachThenFindsItSaved() {
        TestHttp http = emu.as(emu.newAccount().token());
        String id = data(http.post("/billing/setup-intent", null)).path("setup_intent_id").asText();

        SetupIntents.SetupIntent confirmed = confirm(id, "pm_card_visa");
        String saved = saveCard(http, confirmed.paymentMethodId(), "");

        assertEquals("succeeded", confirmed.status());
        assertTrue(confirmed.paymentMethodId().startsWith("pm_") && !confirmed.paymentMethodId().equals("pm_card_visa"));
        assertEquals(confirmed.paymentMethodId(), saved);
        assertEquals(1, cards(http).size());
        assertTrue(cards(http).get(0).path("is_default").asBoolean(), "the account's first card");
    }

    @Test
    void aCardStripeRefusesIsDeclinedTheIntentStaysOpenAndAnotherCardCanFollow() {
        TestHttp http = emu.as(emu.newAccount().token());
        String id = data(http.post("/billing/setup-intent", null)).path("setup_intent_id").asText();

        SetupIntents.SetupIntent declined = confirm(id, "pm_card_visa_chargeDeclinedInsufficientFunds");
        SetupIntents.SetupIntent afterDecline = find(id);
        int cardsAfterDecline = cards(http).size();
        SetupIntents.SetupIntent retried = confirm(id, "pm_card_mastercard");

        assertEquals("insufficient_funds", declined.declineCode());
        assertEquals("requires_payment_method", afterDecline.status());
        assertEquals("insufficient_funds", afterDecline.declineCode());
        assertEquals(0, cardsAfterDecline, "a refused card is not saved");
        assertEquals("succeeded", retried.status());
        assertNull(retried.declineCode());
        assertEquals(1, cards(http).size());
        assertEquals("mastercard", cards(http).get(0).path("brand").asText());
    }

    @Test
    void aCardThatNeedsThreeDSecureIsSavedOnlyOnceAuthenticated() {
        TestHttp http = emu.as(emu.newAccount().token());
        String id = data(http.post("/billing/setup-intent", null)).path("setup_intent_id").asText();

        SetupIntents.SetupIntent waiting = confirm(id, "pm_card_authenticationRequiredOnSetup");
        int cardsWhileWaiting = cards(http).size();
        SetupIntents.SetupIntent authenticated = emu.database().transaction(db ->
                SetupIntents.completeAuthentication(db, id, true, emu.clock().instant()));

        assertEquals("requires_action", waiting.status());
        assertEquals(0, cardsWhileWaiting);
        assertEquals("succeeded", authenticated.status());
        assertEquals(authenticated.paymentMethodId(), cards(http).get(0).path("id").asText());
    }

    @Test
    void aFailedThreeDSecureSavesNothingAndSaysWhy() {
        TestHttp http = emu.as(emu.newAccount().token());
        String id = data(http.post("/billing/setup-intent", null)).path("setup_intent_id").asText();
        confirm(id, "pm_card_threeDSecure2Required");

        SetupIntents.SetupIntent failed = emu.database().transaction(db ->
                SetupIntents.completeAuthentication(db, id, false, emu.clock().instant()));

        assertEquals("authentication_failed", failed.declineCode());
        assertEquals("requires_payment_method", find(id).status());
        assertEquals("authentication_failed", find(id).declineCode());
        assertEquals(0, cards(http).size());
    }

    @Test
    void aSucceededSetupIntentCannotBeConfirmedAgain() {
        TestHttp http = emu.as(emu.newAccount().token());
        String id = data(http.post("/billing/setup-intent", null)).path("setup_intent_id").asText();
        confirm(id, "pm_card_visa");

        ApiProblem again = assertThrows(ApiProblem.class, () -> confirm(id, "pm_card_mastercard"));
        ApiProblem authenticate = assertThrows(ApiProblem.class, () -> emu.database().transaction(db ->
                SetupIntents.completeAuthentication(db, id, true, emu.clock().instant())));

        assertEquals(409, again.status());
        assertEquals("invalid_state", again.code());
        assertEquals(409, authenticate.status());
        assertEquals(1, cards(http).size());
    }

    @Test
    void anotherAccountsCardOrAnUnknownIntentIsNotFound() {
        TestHttp owner = emu.as(emu.newAccount().token());
        String ownersCard = saveCard(owner, "pm_card_visa", "");
        TestHttp other = emu.as(emu.newAccount().token());
        String id = data(other.post("/billing/setup-intent", null)).path("setup_intent_id").asText();

        ApiProblem foreignCard = assertThrows(ApiProblem.class, () -> confirm(id, ownersCard));
        ApiProblem unknownIntent = assertThrows(ApiProblem.class, () -> confirm("seti_unknown123", "pm_card_visa"));

        assertEquals(404, foreignCard.status());
        assertEquals(404, unknownIntent.status());
        assertEquals("requires_payment_method", find(id).status());
        assertEquals(0, cards(other).size());
        assertEquals(1, cards(owner).size());
    }

    @Test
    void aRetriedSetupIntentRequestWithTheSameIdempotencyKeyAnswersTheSameIntent() {
        TestHttp http = emu.as(emu.newAccount().token());

        JsonNode first = data(http.post("/billing/setup-intent", null, "setup-once"));
        TestHttp.Answer retry = http.post("/billing/setup-intent", null, "setup-once");

        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.path("setup_intent_id"), data(retry).path("setup_intent_id"));
    }

    private static SetupIntents.SetupIntent confirm(String setupIntentId, String paymentMethodId) {
        return emu.database().transaction(db -> SetupIntents.confirm(db, setupIntentId, paymentMethodId, emu.clock().instant()));
    }

    private static SetupIntents.SetupIntent find(String setupIntentId) {
        return emu.database().transaction(db -> SetupIntents.find(db, setupIntentId)).orElseThrow();
    }
}
