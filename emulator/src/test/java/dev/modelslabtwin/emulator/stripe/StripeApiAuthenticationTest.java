package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake Stripe takes the publishable key the ways real clients send it, and nothing else. */
class StripeApiAuthenticationTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void thePublishableKeyAsTheBasicUserNameAuthenticates() {
        TestHttp.Answer answer = FakeStripe.basic(emu).tokenise("4242424242424242", "123");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("payment_method", answer.json().path("object").asText());
    }

    @Test
    void thePublishableKeyAsABearerTokenAuthenticates() {
        TestHttp.Answer answer = FakeStripe.bearer(emu).tokenise("4242424242424242", "123");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("payment_method", answer.json().path("object").asText());
    }

    @Test
    void thePublishableKeyAsStripeJsKeyParameterAuthenticates() {
        String key = emu.emulator().services().publishableKey();
        TestHttp.Answer answer = FakeStripe.basic(emu).withKey(FakeStripe.Auth.NONE, null).post("/v1/payment_methods",
                Map.of("key", key, "type", "card", "card[number]", "4242424242424242", "card[exp_month]", "12",
                        "card[exp_year]", Integer.toString(FakeStripe.futureYear(emu))));

        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void noKeyAnswers401InStripesErrorShape() {
        TestHttp.Answer answer = FakeStripe.basic(emu).withKey(FakeStripe.Auth.NONE, null).tokenise("4242424242424242", "123");

        assertEquals(401, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("invalid_request_error", error.path("type").asText());
        assertTrue(error.path("message").asText().contains("You did not provide an API key"), answer.body());
        assertNotNull(answer.header("WWW-Authenticate"));
    }

    @Test
    void aWrongKeyAnswers401WithoutEchoingTheKey() {
        String wrong = "pk_test_51SomebodyElsesKey0000000000000000000000000000000wxyz";
        TestHttp.Answer answer = FakeStripe.basic(emu).withKey(FakeStripe.Auth.BEARER, wrong).tokenise("4242424242424242", "123");

        assertEquals(401, answer.status(), answer.body());
        String message = answer.json().path("error").path("message").asText();
        assertTrue(message.startsWith("Invalid API Key provided: pk_test_"), message);
        assertTrue(message.contains("wxyz"), message);
        assertFalse(message.contains(wrong), message);
    }

    @Test
    void aSecretKeyIsRefusedBecauseModelsLabNeverHandsOneToAgents() {
        TestHttp.Answer answer = FakeStripe.basic(emu).withKey(FakeStripe.Auth.BASIC, "sk_test_51AnySecretKey000000000000000")
                .tokenise("4242424242424242", "123");

        assertEquals(401, answer.status(), answer.body());
    }

    @Test
    void everyAnswerCarriesAStripeRequestId() {
        TestHttp.Answer answer = FakeStripe.bearer(emu).get("/v1/payment_methods/pm_doesNotExist");

        assertTrue(answer.header("Request-Id").startsWith("req_"), answer.headers().toString());
        assertEquals("application/json", answer.header("Content-Type"));
    }

    @Test
    void anUnknownUrlIsStripes404NamingEveryRouteTheFakeServes() {
        TestHttp.Answer answer = FakeStripe.basic(emu).get("/v1/customers");

        assertEquals(404, answer.status(), answer.body());
        assertEquals("invalid_request_error", answer.json().path("error").path("type").asText());
        String message = answer.json().path("error").path("message").asText();
        for (String route : new String[] {"POST /v1/payment_methods", "GET /v1/payment_methods/{id}",
                "POST /v1/setup_intents/{id}/confirm", "POST /v1/payment_intents/{id}/confirm",
                "GET /v1/checkout/sessions/{id}"}) {
            assertTrue(message.contains(route), message);
        }
        assertFalse(message.contains("<path>"), message);
    }
}
