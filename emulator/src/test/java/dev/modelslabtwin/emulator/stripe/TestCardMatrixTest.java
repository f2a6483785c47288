package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.BeforeAll;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of the test-card matrix, walked through Stripe's steps over HTTP: tokenisation
 * ({@code POST /v1/payment_methods}), attach (confirming a SetupIntent saves the card, or refuses it),
 * charge ({@code POST /wallet/fund} with the saved card; for a card refused at attach, a Checkout
 * payment, which charges it unattached), and 3D Secure. Each outcome must happen at its step and
 * no earlier.
 */
class TestCardMatrixTest {

    @RegisterExtension
    private static final TestEmulator emu = TestEmulator.shared();
    private static FakeStripe stripe;

    @BeforeAll
    static void start() {
        stripe = FakeStripe.basic(emu);
    }


    static Stream<TestCards.TestCard> matrix() {
        return TestCards.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachCardsOutcomeHappensAtItsStep(TestCards.TestCard card) {
        var account = emu.newAccount();
        TestHttp api = emu.as(account.token());

        String paymentMethod = stripe.paymentMethod(card.number());
        String setupIntent = api.post("/billing/setup-intent", null).json().path("data").path("setup_intent_id").asText();
        TestHttp.Answer attach = stripe.post("/v1/setup_intents/" + setupIntent + "/confirm", Map.of("payment_method", paymentMethod));

        if (card.declineOnAttach() != null) {
            assertDeclined(attach, card.declineOnAttach());
            assertEquals("requires_payment_method", attach.json().path("error").path("setup_intent").path("status").asText());
            TestHttp.Answer checkout = payCheckout(api, paymentMethod);
            assertEquals(200, checkout.status(), "the control API shows the page's declined payment: " + checkout.body());
            assertEquals("requires_payment_method", checkout.json().path("data").path("status").asText());
            assertEquals(card.declineOnCharge().declineCode(), checkout.json().path("data").path("decline_code").asText(),
                    "declined when charged unattached too");
            return;
        }
        assertEquals(200, attach.status(), attach.body());
        if (card.authentication() == TestCards.Authentication.REQUIRED) {
            assertEquals("requires_action", attach.json().path("status").asText(), "3D Secure when saving the card");
            authenticate(setupIntent);
        } else {
            assertEquals("succeeded", attach.json().path("status").asText());
        }

        TestHttp.Answer charge = api.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"" + paymentMethod + "\"}");
        if (card.declineOnCharge() != null) {
            assertEquals(402, charge.status(), charge.body());
            assertEquals(card.declineOnCharge().declineCode(), charge.json().path("error").path("details")
                    .path("decline_code").asText());
            assertEquals(BigDecimal.ZERO.setScale(2), FakeStripe.balance(api));
            return;
        }
        if (card.authentication() == TestCards.Authentication.REQUIRED) {
            assertEquals(202, charge.status(), charge.body());
            String paymentIntent = charge.json().path("data").path("payment").path("payment_intent_id").asText();
            JsonNode outcome = authenticate(paymentIntent);
            if (card.declineAfterAuthentication() != null) {
                assertEquals("requires_payment_method", outcome.path("status").asText());
                assertEquals(card.declineAfterAuthentication().declineCode(), outcome.path("decline_code").asText());
                assertEquals(BigDecimal.ZERO.setScale(2), FakeStripe.balance(api));
                return;
            }
            assertEquals("succeeded", outcome.path("status").asText());
        } else {
            assertEquals(200, charge.status(), charge.body());
        }
        assertEquals(new BigDecimal("25.00"), FakeStripe.balance(api));
    }

    @Test
    void theIncorrectCvcCardIsOnlyDeclinedWhenACvcWasSent() {
        var account = emu.newAccount();
        TestHttp api = emu.as(account.token());
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
    void theControlApiListsEveryRowWithTheStepItFailsAt() {
        TestHttp.Answer answer = emu.controlGet("/test-cards");

        assertEquals(200, answer.status(), answer.body());
        Set<String> listed = new HashSet<>();
        for (JsonNode row : answer.json().path("data")) {
            listed.add(row.path("number").asText());
            TestCards.TestCard card = TestCards.byNumber(row.path("number").asText()).orElse(null);
            if (card == null) {
                assertEquals("tokenization", row.path("fails_at").asText(), row.toString());
                continue;
            }
            String expected = card.declineOnAttach() != null ? "attach" : card.declineOnCharge() != null ? "charge"
                    : card.declineAfterAuthentication() != null ? "after_authentication" : null;
            assertEquals(expected, row.path("fails_at").asText(null), row.toString());
        }
        matrix().forEach(card -> assertTrue(listed.contains(card.number()), card.number()));
        assertTrue(listed.contains("4242424242424241"), "the Luhn failure is listed");
    }

    @Test
    void everyMatrixNumberPassesTheLuhnCheckAndIsUnique() {
        Set<String> numbers = new HashSet<>();
        matrix().forEach(card -> {
            assertTrue(CardTokens.passesLuhn(card.number()), card.number());
            assertTrue(numbers.add(card.number()), "duplicate " + card.number());
        });
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


    private static void assertDeclined(TestHttp.Answer answer, TestCards.Decline decline) {
        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("card_error", error.path("type").asText());
        assertEquals(decline.code(), error.path("code").asText());
        assertEquals(decline.declineCode(), error.path("decline_code").asText());
        assertEquals(decline.message(), error.path("message").asText());
    }
}
