package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved cards: attach, list (default first), make another the default, remove (the default passes on). */
@ConformanceCheck
class PaymentMethodsFlowTest {

    private final Target target = Target.current();

    @Test
    @Verifies({"removePaymentMethod.default-passes-on", "listPaymentMethods.default-first"})
    void cardsAreAttachedMadeDefaultAndRemovedWithTheDefaultPassingOn() {
        target.assumeEmulator("attaching cards needs Stripe test cards");
        Api api = target.api().as(target.accounts().fresh().token());
        assertEquals(0, api.get("/billing/payment-methods").expect(200).data().size());

        Answer visa = api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_card_visa", "make_default", true)).expect(201);
        assertTrue(visa.data().path("is_default").asBoolean());
        assertEquals("visa", visa.text("brand"));
        assertEquals("4242", visa.text("last4"));
        Answer mastercard = api.post("/billing/payment-methods",
                Json.object("payment_method_id", "pm_card_mastercard", "set_default", false)).expect(201);
        assertFalse(mastercard.data().path("is_default").asBoolean(), "the CLI's set_default is read: " + mastercard.body());
        String visaId = visa.text("id");
        String mastercardId = mastercard.text("id");

        JsonNode cards = api.get("/billing/payment-methods").expect(200).data();
        assertEquals(visaId, cards.get(0).path("id").asText(), "the default card is listed first: " + cards);

        assertTrue(api.put("/billing/payment-methods/" + mastercardId + "/default").expect(200).data().path("is_default").asBoolean());
        cards = api.get("/billing/payment-methods").expect(200).data();
        assertEquals(mastercardId, cards.get(0).path("id").asText(), cards.toString());
        assertFalse(cards.get(1).path("is_default").asBoolean(), "one default at a time: " + cards);

        Answer removed = api.delete("/billing/payment-methods/" + mastercardId).expect(200);
        assertEquals(visaId, removed.text("default_payment_method_id"), "the remaining card becomes the default");
        assertTrue(api.get("/billing/payment-methods").expect(200).data().get(0).path("is_default").asBoolean());

        Answer last = api.delete("/billing/payment-methods/" + visaId).expect(200);
        assertTrue(last.data().path("default_payment_method_id").isNull(), last.body());
        assertEquals(0, api.get("/billing/payment-methods").expect(200).data().size());
        api.delete("/billing/payment-methods/" + visaId).expectError(404, "not_found");
        api.put("/billing/payment-methods/" + visaId + "/default").expectError(404, "not_found");
    }

    @Test
    @Verifies({"attachPaymentMethod.first-card-is-default", "attachPaymentMethod.again-answers-the-card",
            "attachPaymentMethod.default-unless-told"})
    void theFirstCardIsTheDefaultAndACardAttachedAgainIsTheSameCard() {
        target.assumeEmulator("attaching cards needs Stripe test cards");
        Api api = target.api().as(target.accounts().fresh().token());

        Answer first = api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_card_visa", "make_default", false))
                .expect(201);
        Answer second = api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_card_mastercard")).expect(201);
        Answer again = api.post("/billing/payment-methods", Json.object("payment_method_id", first.text("id"), "make_default", true))
                .expect(201);

        assertTrue(first.data().path("is_default").asBoolean(), "the account's first card is the default: " + first.body());
        assertTrue(second.data().path("is_default").asBoolean(), "make_default defaults to true: " + second.body());
        assertEquals(first.text("id"), again.text("id"));
        assertTrue(again.data().path("is_default").asBoolean(), "attached again, make_default applies: " + again.body());
        assertEquals(2, api.get("/billing/payment-methods").expect(200).data().size());
    }

    @Test
    @Verifies("attachPaymentMethod.declined-cards-refused")
    void aCardStripeRefusesToAttachIsA402AndAnUnknownOneA422() {
        target.assumeEmulator("Stripe's test cards decide what attaches");
        Api api = target.api().as(target.accounts().fresh().token());

        Answer declined = api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_card_visa_chargeDeclined"))
                .expectError(402, "payment_declined");
        assertEquals("generic_decline", declined.details().path("decline_code").asText(), declined.body());
        api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_conformanceNeverCreated0"))
                .expectInvalid("payment_method_id");
        assertEquals(0, api.get("/billing/payment-methods").expect(200).data().size());
    }

    @Test
    @Verifies("listPaymentMethods.default-first")
    void theAccountsCardsAreListedDefaultFirst() {
        Api api = target.api().as(target.accounts().own().token());
        if (target.isEmulator()) {
            api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_card_mastercard", "make_default", false)).expect(201);
            api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_card_amex", "make_default", true)).expect(201);
            api.post("/billing/payment-methods", Json.object("payment_method_id", "pm_card_discover", "make_default", false)).expect(201);
        }
        JsonNode cards = api.get("/billing/payment-methods").expect(200).data();

        long defaults = 0;
        for (JsonNode card : cards) {
            defaults += card.path("is_default").asBoolean() ? 1 : 0;
        }
        assertTrue(defaults <= 1, "at most one default card: " + cards);
        assertTrue(!target.isEmulator() || defaults == 1 && cards.size() == 3, cards.toString());
        if (defaults == 1) {
            assertTrue(cards.get(0).path("is_default").asBoolean(), "the default card comes first: " + cards);
        }
    }
}
