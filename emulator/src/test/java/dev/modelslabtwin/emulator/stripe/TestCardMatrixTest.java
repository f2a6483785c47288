package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of the test-card matrix, walked through Stripe's steps over HTTP: tokenisation
 * ({@code POST /v1/payment_methods} with a CVC and a billing address, as Stripe's checks need), attach
 * (confirming a SetupIntent saves the card, or refuses it), charge ({@code POST /wallet/fund} with the
 * saved card; for a card refused at attach, a Checkout payment, which charges it unattached), and 3D
 * Secure. Each outcome must happen at its step and no earlier. Every {@code pm_card_*} id and
 * {@code tok_*} token must be taken where Stripe takes it and behave as its row.
 */
class TestCardMatrixTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.sharedWithoutReset();

    private static TestEmulator.TestAccount savingAccount;

    static Stream<TestCards.TestCard> numbers() {
        return TestCards.all().stream().filter(TestCards.TestCard::numberIsOwn);
    }

    static Stream<String> paymentMethodIds() {
        return TestCards.all().stream().flatMap(card -> card.paymentMethods().stream());
    }

    static Stream<String> tokens() {
        return TestCards.all().stream().flatMap(card -> card.tokens().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void eachCardsOutcomeHappensAtItsStep(TestCards.TestCard card) {
        TestHttp api = emu.as(emu.newAccount().token());
        FakeStripe stripe = FakeStripe.basic(emu);
        TestCardSteps steps = TestCardSteps.of(card);

        TestHttp.Answer tokenised = stripe.tokenise(card.number(), cvcFor(card), FakeStripe.address());
        assertEquals(200, tokenised.status(), tokenised.body());
        String paymentMethod = tokenised.json().path("id").asText();
        FakeStripe.SetupIntent setupIntent = FakeStripe.setupIntent(api);
        TestHttp.Answer attach = stripe.confirm(setupIntent, paymentMethod);

        if (steps.onAttach() != null) {
            assertDeclined(attach, steps.onAttach());
            assertEquals("requires_payment_method", attach.json().path("error").path("setup_intent").path("status").asText());
            TestHttp.Answer checkout = payCheckout(api, paymentMethod);
            assertEquals(200, checkout.status(), "the control API shows the page's declined payment: " + checkout.body());
            assertEquals("requires_payment_method", checkout.json().path("data").path("status").asText());
            assertEquals(steps.chargeDecline().declineCode(), checkout.json().path("data").path("decline_code").asText(),
                    "declined when charged unattached too");
            return;
        }
        assertEquals(200, attach.status(), attach.body());
        if (card.setupNeedsAuthentication()) {
            assertEquals("requires_action", attach.json().path("status").asText(), "3D Secure when saving the card");
            authenticate(setupIntent.id());
        } else {
            assertEquals("succeeded", attach.json().path("status").asText());
        }

        TestHttp.Answer charge = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"" + paymentMethod + "\"}");
        if (steps.chargeDecline() != null) {
            assertEquals(402, charge.status(), charge.body());
            assertEquals(steps.chargeDecline().declineCode(), charge.json().path("error").path("details")
                    .path("decline_code").asText());
            assertEquals(BigDecimal.ZERO.setScale(2), FakeStripe.balance(api));
            return;
        }
        if (steps.requiresAuthentication()) {
            assertEquals(202, charge.status(), charge.body());
            String paymentIntent = charge.json().path("data").path("payment").path("payment_intent_id").asText();
            JsonNode outcome = authenticate(paymentIntent);
            if (steps.declineAfterAuthentication() != null) {
                assertEquals("requires_payment_method", outcome.path("status").asText());
                assertEquals(steps.declineAfterAuthentication().declineCode(), outcome.path("decline_code").asText());
                assertEquals(BigDecimal.ZERO.setScale(2), FakeStripe.balance(api));
                return;
            }
            assertEquals("succeeded", outcome.path("status").asText());
        } else {
            assertEquals(200, charge.status(), charge.body());
        }
        assertEquals(new BigDecimal("25.00"), FakeStripe.balance(api));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paymentMethodIds")
    void eachPaymentMethodIdIsItsRowWhenASetupIntentIsConfirmedWithIt(String id) {
        TestCards.TestCard card = TestCards.byPaymentMethodShortcut(id).orElseThrow();

        assertAttachMatchesTheRow(card, FakeStripe.basic(emu).confirm(newSetupIntent(), id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void eachTokenMakesAPaymentMethodOfItsRow(String token) {
        TestCards.TestCard card = TestCards.byTestToken(token).orElseThrow();
        FakeStripe stripe = FakeStripe.basic(emu);

        TestHttp.Answer created = stripe.post("/v1/payment_methods", Map.of("type", "card", "card[token]", token));

        assertEquals(200, created.status(), created.body());
        assertEquals(card.last4(), created.json().path("card").path("last4").asText());
        assertEquals(card.brand(), created.json().path("card").path("brand").asText());
        assertAttachMatchesTheRow(card, stripe.confirm(newSetupIntent(), created.json().path("id").asText()));
    }

    @Test
    void theCliStepsDeclinedCardIsA402WhenFundingTheWallet() {
        TestHttp api = emu.as(emu.newAccount().token());

        TestHttp.Answer answer = api.post("/wallet/fund", "{\"amount\": 10, \"payment_method_id\": \"pm_card_chargeDeclined\"}");

        assertEquals(402, answer.status(), answer.body());
        assertEquals("payment_declined", answer.json().path("error").path("code").asText());
        assertEquals("generic_decline", answer.json().path("error").path("details").path("decline_code").asText());
    }

    @Test
    void theIncorrectCvcCardIsOnlyDeclinedWhenACvcWasSent() {
        TestHttp api = emu.as(emu.newAccount().token());
        FakeStripe stripe = FakeStripe.basic(emu);
        TestHttp.Answer withoutCvc = stripe.tokenise("4000000000000127", null);
        assertEquals(200, withoutCvc.status(), withoutCvc.body());
        String noCvc = withoutCvc.json().path("id").asText();
        String withCvc = stripe.paymentMethod("4000000000000127");

        TestHttp.Answer charged = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"" + noCvc + "\"}");
        TestHttp.Answer declined = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"" + withCvc + "\"}");

        assertEquals(200, charged.status(), charged.body());
        assertEquals(402, declined.status(), declined.body());
        assertEquals("incorrect_cvc", declined.json().path("error").path("details").path("decline_code").asText());
    }

    @Test
    void theCvcCheckFailsOnlyWhenACvcWasSent() {
        TestHttp api = emu.as(emu.newAccount().token());
        FakeStripe stripe = FakeStripe.basic(emu);
        String noCvc = stripe.tokenise("4000000000000101", null).json().path("id").asText();
        String withCvc = stripe.paymentMethod("4000000000000101");

        TestHttp.Answer saved = stripe.confirm(FakeStripe.setupIntent(api), noCvc);
        TestHttp.Answer refused = stripe.confirm(FakeStripe.setupIntent(api), withCvc);

        assertEquals(200, saved.status(), saved.body());
        assertDeclined(refused, TestCards.INCORRECT_CVC);
        assertEquals("cvc", refused.json().path("error").path("param").asText());
    }

    @Test
    void thePostalCodeCheckFailsOnlyWhenAPostalCodeWasSent() {
        TestHttp api = emu.as(emu.newAccount().token());
        FakeStripe stripe = FakeStripe.basic(emu);
        String noPostalCode = stripe.paymentMethod("4000000000000036");
        TestHttp.Answer withPostalCode = stripe.tokenise("4000000000000036", "123",
                Map.of("billing_details[address][postal_code]", "94107"));

        TestHttp.Answer charged = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"" + noPostalCode + "\"}");
        TestHttp.Answer refused = stripe.confirm(FakeStripe.setupIntent(api), withPostalCode.json().path("id").asText());

        assertEquals(200, charged.status(), charged.body());
        assertDeclined(refused, TestCards.INCORRECT_ZIP);
    }

    @Test
    void aLine1FailureIsReportedOnTheCardAndThePaymentSucceeds() {
        TestHttp api = emu.as(emu.newAccount().token());
        FakeStripe stripe = FakeStripe.basic(emu);
        TestHttp.Answer tokenised = stripe.tokenise("4000000000000028", "123", FakeStripe.address());
        String paymentMethod = tokenised.json().path("id").asText();
        assertEquals("unchecked", tokenised.json().path("card").path("checks").path("address_line1_check").asText(),
                "Stripe runs the checks when the card is used, not when it is tokenised");

        TestHttp.Answer charged = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"" + paymentMethod + "\"}");

        assertEquals(200, charged.status(), charged.body());
        JsonNode card = FakeStripe.secret(emu).get("/v1/payment_methods/" + paymentMethod).json().path("card");
        assertEquals("fail", card.path("checks").path("address_line1_check").asText());
        assertEquals("pass", card.path("checks").path("address_postal_code_check").asText());
        assertEquals("pass", card.path("checks").path("cvc_check").asText());
    }

    @Test
    void theControlApiListsEveryNumberAndIdWithTheStepItFailsAt() {
        TestHttp.Answer answer = emu.controlGet("/test-cards");

        assertEquals(200, answer.status(), answer.body());
        Set<String> numbers = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode row : answer.json().path("data")) {
            if ("tokenization".equals(row.path("fails_at").asText(null))) {
                assertFalse(TestCards.byNumber(row.path("number").asText()).isPresent(), row.toString());
                numbers.add(row.path("number").asText());
                continue;
            }
            TestCards.TestCard card = row.path("number").isNull()
                    ? TestCards.byTestToken(row.path("tokens").path(0).asText()).orElseThrow()
                    : TestCards.byNumber(row.path("number").asText()).orElseThrow();
            assertEquals(TestCardSteps.of(card).failsAt(), row.path("fails_at").asText(null), row.toString());
            numbers.add(row.path("number").asText());
            row.path("payment_methods").forEach(id -> ids.add(id.asText()));
            row.path("tokens").forEach(id -> ids.add(id.asText()));
        }
        numbers().forEach(card -> assertTrue(numbers.contains(card.number()), card.number()));
        Stream.concat(paymentMethodIds(), tokens()).forEach(id -> assertTrue(ids.contains(id), id));
        assertTrue(numbers.contains("4242424242424241"), "the Luhn failure is listed");
    }

    /**
     * A SetupIntent of the one account that saves the cards of the id tests (what one saved card does
     * does not depend on the others), made directly: the API's own path to it is tested above.
     */
    private static synchronized FakeStripe.SetupIntent newSetupIntent() {
        if (savingAccount == null) {
            savingAccount = emu.newAccount();
        }
        SetupIntents.SetupIntent intent = emu.database().transaction(db -> SetupIntents.create(db, savingAccount.id(),
                emu.clock().instant()));
        return new FakeStripe.SetupIntent(intent.id(), intent.clientSecret());
    }

    private static void assertAttachMatchesTheRow(TestCards.TestCard card, TestHttp.Answer attach) {
        TestCardSteps steps = TestCardSteps.of(card);
        if (steps.onAttach() != null) {
            assertDeclined(attach, steps.onAttach());
            return;
        }
        assertEquals(200, attach.status(), attach.body());
        assertEquals(card.setupNeedsAuthentication() ? "requires_action" : "succeeded", attach.json().path("status").asText());
        assertNotNull(attach.json().path("client_secret").asText(null));
    }

    /** A CVC of the length the brand takes. */
    private static String cvcFor(TestCards.TestCard card) {
        return card.brand().equals("amex") ? "1234" : "123";
    }

    private static TestHttp.Answer payCheckout(TestHttp api, String paymentMethod) {
        TestHttp.Answer fund = api.post("/wallet/fund", "{\"amount\": 25}");
        assertEquals(200, fund.status(), fund.body());
        String session = fund.json().path("data").path("session_id").asText();
        return emu.controlPost("/checkout/sessions/" + session + "/pay", "{\"payment_method\": \"" + paymentMethod + "\"}");
    }

    private static JsonNode authenticate(String intentId) {
        TestHttp.Answer answer = emu.controlPost("/payments/" + intentId + "/authenticate", "{\"outcome\": \"approve\"}");
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }

    static void assertDeclined(TestHttp.Answer answer, TestCards.Decline decline) {
        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("card_error", error.path("type").asText());
        assertEquals(decline.code(), error.path("code").asText());
        assertEquals(decline.declineCode(), error.path("decline_code").asText());
        assertEquals(decline.message(), error.path("message").asText());
    }
}
