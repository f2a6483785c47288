package dev.modelslabtwin.emulator.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.stripe.TestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.modelslabtwin.emulator.billing.BillingTests.attach;
import static dev.modelslabtwin.emulator.billing.BillingTests.cards;
import static dev.modelslabtwin.emulator.billing.BillingTests.data;
import static dev.modelslabtwin.emulator.billing.BillingTests.later;
import static dev.modelslabtwin.emulator.billing.BillingTests.saveCard;
import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static dev.modelslabtwin.emulator.wallet.WalletTests.balance;
import static dev.modelslabtwin.emulator.wallet.WalletTests.fund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved cards: attaching, listing, choosing the default and removing, across calls and accounts. */
class PaymentMethodsTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void anAttachedShortcutBecomesASavedCardThatIsListedAndIsTheFirstDefault() {
        TestHttp http = emu.as(emu.newAccount().token());

        TestHttp.Answer answer = attach(http, "pm_card_mastercard", "");

        assertEquals(201, answer.status(), answer.body());
        JsonNode card = answer.json().path("data");
        String id = card.path("id").asText();
        assertTrue(id.startsWith("pm_") && !id.equals("pm_card_mastercard"), id);
        assertEquals("mastercard", card.path("brand").asText());
        assertEquals("4444", card.path("last4").asText());
        assertEquals("card", card.path("type").asText());
        assertTrue(card.path("is_default").asBoolean());
        JsonNode listed = cards(http);
        assertEquals(1, listed.size());
        assertEquals(id, listed.get(0).path("id").asText());
        assertTrue(listed.get(0).path("is_default").asBoolean());
    }

    @Test
    void aNewCardBecomesTheDefaultUnlessTheRequestSaysOtherwise() {
        TestHttp http = emu.as(emu.newAccount().token());
        String first = saveCard(http, "pm_card_visa", "");

        String byDefault = saveCard(http, "pm_card_mastercard", "");
        String documentedNo = saveCard(http, "pm_card_amex", "\"make_default\": false");
        String cliNo = saveCard(http, "pm_card_discover", "\"set_default\": false");
        String documentedWins = saveCard(http, "pm_card_jcb", "\"make_default\": false, \"set_default\": true");

        assertEquals(List.of(byDefault), defaults(http));
        String cliYes = saveCard(http, "pm_card_diners", "\"set_default\": true");
        assertEquals(List.of(cliYes), defaults(http));
        assertEquals(6, cards(http).size());
        assertEquals(cliYes, cards(http).get(0).path("id").asText(), "the default is listed first");
        assertFalse(List.of(first, documentedNo, cliNo, documentedWins).contains(cliYes));
    }

    @Test
    void theFirstCardIsTheDefaultEvenWhenAttachedWithMakeDefaultFalse() {
        TestHttp http = emu.as(emu.newAccount().token());

        String only = saveCard(http, "pm_card_visa", "\"make_default\": false");

        assertEquals(List.of(only), defaults(http));
    }

    @Test
    void settingTheDefaultMovesItAndAChargeWithoutACardChargesTheNewDefault() {
        TestHttp http = emu.as(emu.newAccount().token());
        String visa = saveCard(http, "pm_card_visa", "");
        String mastercard = saveCard(http, "pm_card_mastercard", "\"make_default\": false");

        TestHttp.Answer answer = http.put("/billing/payment-methods/" + mastercard + "/default", null);

        assertEquals(200, answer.status(), answer.body());
        assertEquals(mastercard, answer.json().path("data").path("id").asText());
        assertTrue(answer.json().path("data").path("is_default").asBoolean());
        assertEquals(List.of(mastercard), defaults(http));
        TestHttp.Answer charged = http.post("/subscriptions/charge-amount", "{\"amount\": 12}");
        assertEquals(mastercard, charged.json().path("data").path("payment").path("payment_method_id").asText(), charged.body());
        assertNotEquals(visa, mastercard);
    }

    @Test
    void removingTheDefaultPromotesTheMostRecentlyAttachedRemainingCard() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        // Tokenised first, attached last: "most recently added" means attached, not created.
        String tokenisedEarly = emu.database().transaction(db -> PaymentMethods.create(db,
                TestCards.byPaymentMethodShortcut("pm_card_amex").orElseThrow(), 4, 2031, emu.clock().instant()).id());
        later(emu);
        String oldest = saveCard(http, "pm_card_visa", "");
        later(emu);
        String middle = saveCard(http, "pm_card_mastercard", "\"make_default\": false");
        later(emu);
        String newest = saveCard(http, tokenisedEarly, "\"make_default\": false");
        later(emu);

        TestHttp.Answer removed = http.delete("/billing/payment-methods/" + oldest);

        assertEquals(200, removed.status(), removed.body());
        assertEquals(oldest, removed.json().path("data").path("payment_method_id").asText());
        assertEquals(newest, removed.json().path("data").path("default_payment_method_id").asText());
        assertEquals(List.of(newest), defaults(http));
        assertEquals(List.of(newest, middle), ids(cards(http)));
    }

    @Test
    void removingACardThatIsNotTheDefaultKeepsTheDefault() {
        TestHttp http = emu.as(emu.newAccount().token());
        String keeper = saveCard(http, "pm_card_visa", "");
        String other = saveCard(http, "pm_card_mastercard", "\"make_default\": false");

        TestHttp.Answer removed = http.delete("/billing/payment-methods/" + other);

        assertEquals(keeper, removed.json().path("data").path("default_payment_method_id").asText(), removed.body());
        assertEquals(List.of(keeper), ids(cards(http)));
    }

    @Test
    void removingTheLastCardLeavesNoDefaultSoAChargeWithoutACardIsRefused() {
        TestHttp http = emu.as(emu.newAccount().token());
        String only = saveCard(http, "pm_card_visa", "");

        TestHttp.Answer removed = http.delete("/billing/payment-methods/" + only);

        assertEquals(200, removed.status(), removed.body());
        assertTrue(removed.json().path("data").path("default_payment_method_id").isNull(), removed.body());
        assertEquals(0, cards(http).size());
        TestHttp.Answer charged = http.post("/subscriptions/charge-amount", "{\"amount\": 15}");
        assertEquals(422, charged.status(), charged.body());
        assertTrue(charged.json().path("error").path("details").has("payment_method_id"), charged.body());
        assertMoney("0.00", balance(http));
    }

    @Test
    void aRemovedCardIsGoneForGood() {
        TestHttp http = emu.as(emu.newAccount().token());
        String card = saveCard(http, "pm_card_visa", "");
        assertEquals(200, http.delete("/billing/payment-methods/" + card).status());

        TestHttp.Answer removedAgain = http.delete("/billing/payment-methods/" + card);
        TestHttp.Answer madeDefault = http.put("/billing/payment-methods/" + card + "/default", null);
        TestHttp.Answer reattached = attach(http, card, "");
        TestHttp.Answer charged = fund(http, "20", card);

        assertEquals(404, removedAgain.status(), removedAgain.body());
        assertEquals("not_found", removedAgain.json().path("error").path("code").asText());
        assertEquals(404, madeDefault.status(), madeDefault.body());
        assertEquals(422, reattached.status(), reattached.body());
        assertEquals(List.of("No such PaymentMethod: '" + card + "'."), messages(reattached, "payment_method_id"));
        assertEquals(422, charged.status(), charged.body());
        assertEquals(0, cards(http).size());
    }

    @Test
    void anotherAccountsCardIsAsUnknownAsAMadeUpOneAndStaysItsOwners() {
        TestHttp owner = emu.as(emu.newAccount().token());
        String ownersCard = saveCard(owner, "pm_card_visa", "");
        TestHttp intruder = emu.as(emu.newAccount().token());

        TestHttp.Answer attached = attach(intruder, ownersCard, "");
        TestHttp.Answer unknown = attach(intruder, "pm_doesNotExist123", "");
        TestHttp.Answer madeDefault = intruder.put("/billing/payment-methods/" + ownersCard + "/default", null);
        TestHttp.Answer removed = intruder.delete("/billing/payment-methods/" + ownersCard);

        assertEquals(422, attached.status(), attached.body());
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals(List.of("No such PaymentMethod: '" + ownersCard + "'."), messages(attached, "payment_method_id"));
        assertEquals(404, madeDefault.status(), madeDefault.body());
        assertEquals(404, removed.status(), removed.body());
        assertEquals(madeDefault.json().path("error").path("code"), removed.json().path("error").path("code"));
        assertEquals(0, cards(intruder).size());
        assertEquals(List.of(ownersCard), defaults(owner));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "pm_card_visa_chargeDeclined, generic_decline",
            "pm_card_visa_chargeDeclinedInsufficientFunds, insufficient_funds",
            "pm_card_visa_chargeDeclinedLostCard, lost_card",
            "pm_card_visa_chargeDeclinedStolenCard, stolen_card",
            "pm_card_chargeDeclinedExpiredCard, expired_card",
            "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc",
            "pm_card_chargeDeclinedProcessingError, processing_error",
            "pm_card_visa_chargeDeclinedVelocityLimitExceeded, card_velocity_exceeded",
            "pm_card_chargeDeclinedFraudulent, fraudulent"})
    void aCardStripeRefusesToAttachAnswers402WithItsDeclineCodeAndIsNotSaved(String testCard, String declineCode) {
        TestHttp http = emu.as(emu.newAccount().token());
        String good = saveCard(http, "pm_card_visa", "");

        TestHttp.Answer answer = attach(http, testCard, "");

        assertEquals(402, answer.status(), answer.body());
        assertEquals("payment_declined", answer.json().path("error").path("code").asText());
        assertEquals(declineCode, answer.json().path("error").path("details").path("decline_code").asText());
        assertEquals(List.of(good), ids(cards(http)));
        assertEquals(List.of(good), defaults(http));
    }

    @Test
    void aCardThatOnlyFailsWhenChargedIsSavedAndThenDeclinedOnItsFirstCharge() {
        TestHttp http = emu.as(emu.newAccount().token());

        String card = saveCard(http, "pm_card_chargeCustomerFail", "");
        TestHttp.Answer charged = fund(http, "25", card);

        assertEquals(List.of(card), ids(cards(http)));
        assertEquals(402, charged.status(), charged.body());
        assertEquals("generic_decline", charged.json().path("error").path("details").path("decline_code").asText());
    }

    @Test
    void attachingACardTheAccountHoldsAnswersItAgainWithoutACopy() {
        TestHttp http = emu.as(emu.newAccount().token());
        String visa = saveCard(http, "pm_card_visa", "");
        String mastercard = saveCard(http, "pm_card_mastercard", "\"make_default\": false");

        TestHttp.Answer again = attach(http, mastercard, "\"make_default\": true");

        assertEquals(201, again.status(), again.body());
        assertEquals(mastercard, again.json().path("data").path("id").asText());
        assertEquals(List.of(mastercard, visa), ids(cards(http)));
        assertEquals(List.of(mastercard), defaults(http));
    }

    @Test
    void aRetriedAttachWithTheSameIdempotencyKeySavesOneCard() {
        var account = emu.newAccount();
        TestHttp http = emu.as(account.token());
        String body = "{\"payment_method_id\": \"pm_card_visa\"}";

        TestHttp.Answer first = http.post("/billing/payment-methods", body, "attach-visa-once");
        TestHttp.Answer retry = http.post("/billing/payment-methods", body, "attach-visa-once");
        TestHttp.Answer otherBody = http.post("/billing/payment-methods", "{\"payment_method_id\": \"pm_card_amex\"}",
                "attach-visa-once");

        assertEquals(201, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertTrue(retry.json().path("meta").path("idempotency_replay").asBoolean());
        assertEquals(first.json().path("data"), retry.json().path("data"));
        assertEquals(409, otherBody.status(), otherBody.body());
        assertEquals("idempotency_conflict", otherBody.json().path("error").path("code").asText());
        assertEquals(1, cards(http).size());
        assertEquals(1, emu.database().transaction(db -> Sql.number(db,
                "SELECT COUNT(*) FROM payment_methods WHERE account_id = ?", account.id())).intValue());
    }

    @Test
    void aTokenWithOnlyBillingReadCanListCardsButNotChangeThem() {
        var account = emu.newAccount(BigDecimal.ZERO, Set.of("billing:read"));
        String card = emu.database().transaction(db -> PaymentMethods.attach(db, account.id(), "pm_card_visa", true,
                emu.clock().instant()).id());
        TestHttp http = emu.as(account.token());

        TestHttp.Answer listed = http.get("/billing/payment-methods");
        TestHttp.Answer removed = http.delete("/billing/payment-methods/" + card);

        assertEquals(200, listed.status(), listed.body());
        assertEquals(403, removed.status(), removed.body());
        assertEquals("billing:write", removed.json().path("error").path("details").path("required_scope").asText());
        assertEquals(List.of(card), ids(cards(http)));
    }

    private static List<String> defaults(TestHttp http) {
        List<String> defaults = new ArrayList<>();
        cards(http).forEach(card -> {
            if (card.path("is_default").asBoolean()) {
                defaults.add(card.path("id").asText());
            }
        });
        return defaults;
    }

    private static List<String> ids(JsonNode cards) {
        List<String> ids = new ArrayList<>();
        cards.forEach(card -> ids.add(card.path("id").asText()));
        return ids;
    }

    private static List<String> messages(TestHttp.Answer answer, String field) {
        List<String> messages = new ArrayList<>();
        answer.json().path("error").path("details").path(field).forEach(message -> messages.add(message.asText()));
        return messages;
    }
}
