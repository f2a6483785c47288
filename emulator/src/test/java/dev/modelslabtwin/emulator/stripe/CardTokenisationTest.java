package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /v1/payment_methods}: Stripe's checks on raw card data (number format, Luhn, expiry,
 * CVC format, real cards in test mode) refuse a card before anything is stored, and a good test card
 * becomes a PaymentMethod in Stripe's shape that can be retrieved.
 */
class CardTokenisationTest {

    @RegisterExtension
    private static final TestEmulator emu = TestEmulator.shared();
    private static FakeStripe stripe;

    @BeforeAll
    static void start() {
        stripe = FakeStripe.bearer(emu);
    }


    @Test
    void aTestCardBecomesAnUnattachedPaymentMethodInStripesShape() {
        TestHttp.Answer created = stripe.post("/v1/payment_methods", Map.of("type", "card",
                "card[number]", "5555 5555 5555 4444", "card[exp_month]", "7", "card[exp_year]", "2040",
                "card[cvc]", "314", "billing_details[name]", "Ada Lovelace", "metadata[order]", "42"));

        assertEquals(200, created.status(), created.body());
        JsonNode pm = created.json();
        assertTrue(pm.path("id").asText().startsWith("pm_"), pm.toString());
        assertEquals("payment_method", pm.path("object").asText());
        assertEquals("card", pm.path("type").asText());
        assertTrue(pm.path("customer").isNull());
        assertFalse(pm.path("livemode").asBoolean());
        JsonNode card = pm.path("card");
        assertEquals("mastercard", card.path("brand").asText());
        assertEquals("4444", card.path("last4").asText());
        assertEquals(7, card.path("exp_month").asInt());
        assertEquals(2040, card.path("exp_year").asInt());
        assertEquals("credit", card.path("funding").asText());
        assertEquals("US", card.path("country").asText());
        assertEquals("unchecked", card.path("checks").path("cvc_check").asText());
        assertFalse(created.body().contains("5555555555554444"), "the number never comes back");

        assertEquals("Ada Lovelace", pm.path("billing_details").path("name").asText());
        assertEquals(0, pm.path("metadata").size(), "Stripe redacts metadata for a publishable key");
        TestHttp.Answer retrieved = FakeStripe.secret(emu).get("/v1/payment_methods/" + pm.path("id").asText());
        assertEquals(200, retrieved.status(), retrieved.body());
        assertEquals(pm.path("card"), retrieved.json().path("card"));
        assertEquals("42", retrieved.json().path("metadata").path("order").asText(), "the secret key sees it");
        assertEquals(pm.path("card").path("fingerprint"), stripe.tokenise("5555555555554444", "123").json()
                .path("card").path("fingerprint"), "the same card has the same fingerprint");
    }

    @Test
    void aTwoDigitExpiryYearIsThisCenturys() {
        int year = FakeStripe.futureYear(emu) % 100;
        TestHttp.Answer answer = stripe.post("/v1/payment_methods", Map.of("type", "card", "card[number]", "4242424242424242",
                "card[exp_month]", "12", "card[exp_year]", Integer.toString(year)));

        assertEquals(200, answer.status(), answer.body());
        assertEquals(2000 + year, answer.json().path("card").path("exp_year").asInt());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "4242424242424241, incorrect_number, number",
            "4242 4242 42, invalid_number, number",
            "4242-abcd-4242-4242, invalid_number, number"})
    void aBadNumberIsACardErrorAtTokenisation(String number, String code, String param) {
        long before = storedCards();

        TestHttp.Answer answer = stripe.tokenise(number, "123");

        assertCardError(answer, code, param);
        assertEquals(before, storedCards(), "nothing stored");
    }

    @Test
    void aLuhnValidNumberThatIsNoTestCardIsDeclinedAsALiveCardInTestMode() {
        long before = storedCards();

        TestHttp.Answer answer = stripe.tokenise("4111111111111111", "123");

        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("card_error", error.path("type").asText());
        assertEquals("card_declined", error.path("code").asText());
        assertEquals("test_mode_live_card", error.path("decline_code").asText());
        assertTrue(error.path("message").asText().contains("non test (live) card"), answer.body());
        assertEquals(before, storedCards(), "a real card number is never stored");
    }

    @Test
    void anExpiryInAPastYearIsAnInvalidExpiryYear() {
        int lastYear = emu.clock().instant().atZone(ZoneOffset.UTC).getYear() - 1;

        assertCardError(tokenise("4242424242424242", 12, lastYear, "123"), "invalid_expiry_year", "exp_year");
    }

    @Test
    void anExpiryEarlierThisYearIsAnInvalidExpiryMonth() {
        ZonedDateTime now = emu.clock().instant().atZone(ZoneOffset.UTC);
        if (now.getMonthValue() == 1) {
            emu.clock().advance(java.time.Duration.ofDays(40));
            now = emu.clock().instant().atZone(ZoneOffset.UTC);
        }

        assertCardError(tokenise("4242424242424242", now.getMonthValue() - 1, now.getYear(), "123"),
                "invalid_expiry_month", "exp_month");
        assertEquals(200, tokenise("4242424242424242", now.getMonthValue(), now.getYear(), "123").status(),
                "a card is valid through its expiry month");
    }

    @Test
    void aThirteenthMonthIsAnInvalidExpiryMonth() {
        assertCardError(tokenise("4242424242424242", 13, FakeStripe.futureYear(emu), "123"), "invalid_expiry_month", "exp_month");
    }

    @ParameterizedTest(name = "{0} with CVC {1} → {2}")
    @CsvSource({
            "4242424242424242, 12, invalid_cvc",
            "4242424242424242, 1234, invalid_cvc",
            "4242424242424242, 12a, invalid_cvc",
            "378282246310005, 123, invalid_cvc",
            "378282246310005, 1234, ok",
            "4242424242424242, 123, ok"})
    void theCvcMustHaveThreeDigitsOrFourForAmex(String number, String cvc, String outcome) {
        TestHttp.Answer answer = stripe.tokenise(number, cvc);

        if (outcome.equals("ok")) {
            assertEquals(200, answer.status(), answer.body());
        } else {
            assertCardError(answer, outcome, "cvc");
        }
    }

    @Test
    void aCardWithoutACvcIsTokenisedWithItsCheckUnset() {
        TestHttp.Answer answer = stripe.tokenise("4242424242424242", null);

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.json().path("card").path("checks").path("cvc_check").isNull(), answer.body());
    }

    @Test
    void aMissingNumberIsACardErrorNamingIt() {
        TestHttp.Answer answer = stripe.post("/v1/payment_methods", Map.of("type", "card", "card[exp_month]", "12",
                "card[exp_year]", "2099"));

        assertCardError(answer, "invalid_number", "number");
    }

    @Test
    void aMissingTypeIsAParameterMissingError() {
        TestHttp.Answer answer = stripe.post("/v1/payment_methods", Map.of("card[number]", "4242424242424242",
                "card[exp_month]", "12", "card[exp_year]", "2099"));

        assertInvalidRequest(answer, 400, "parameter_missing", "type");
    }

    @Test
    void aTypeOtherThanCardIsRefused() {
        TestHttp.Answer answer = stripe.post("/v1/payment_methods", Map.of("type", "sepa_debit"));

        assertInvalidRequest(answer, 400, null, "type");
    }

    @Test
    void aMistypedParameterIsRefusedAsUnknownInsteadOfIgnored() {
        TestHttp.Answer answer = stripe.post("/v1/payment_methods", Map.of("type", "card", "card[numbr]", "4242424242424242",
                "card[exp_month]", "12", "card[exp_year]", "2099"));

        assertInvalidRequest(answer, 400, "parameter_unknown", "card[numbr]");
        assertEquals("Received unknown parameter: card[numbr]", answer.json().path("error").path("message").asText());
    }

    @Test
    void aNonIntegerExpiryMonthIsRefused() {
        TestHttp.Answer answer = stripe.post("/v1/payment_methods", Map.of("type", "card", "card[number]", "4242424242424242",
                "card[exp_month]", "December", "card[exp_year]", "2099"));

        assertInvalidRequest(answer, 400, "parameter_invalid_integer", "card[exp_month]");
    }

    @Test
    void aJsonBodyIsRefusedWithAHintToFormEncode() {
        TestHttp.Answer answer = new TestHttp(emu.emulator().baseUrl()).sendToRoot("POST", "/v1/payment_methods",
                "{\"type\": \"card\"}", Map.of("Authorization", "Bearer " + emu.emulator().services().publishableKey(),
                        "Content-Type", "application/json"));

        assertInvalidRequest(answer, 400, null, null);
        assertTrue(answer.json().path("error").path("message").asText().contains("x-www-form-urlencoded"));
    }

    @Test
    void anUnknownPaymentMethodIsResourceMissing() {
        TestHttp.Answer answer = FakeStripe.secret(emu).get("/v1/payment_methods/pm_doesNotExist");

        assertInvalidRequest(answer, 404, "resource_missing", "payment_method");
        assertEquals("No such PaymentMethod: 'pm_doesNotExist'", answer.json().path("error").path("message").asText());
    }

    @Test
    void thePublishableKeyCannotReadAPaymentMethodBack() {
        String id = stripe.paymentMethod("4242424242424242");

        TestHttp.Answer answer = stripe.get("/v1/payment_methods/" + id);

        assertInvalidRequest(answer, 401, null, null);
        assertTrue(answer.json().path("error").path("message").asText().startsWith("This API call cannot be made with a "
                + "publishable API key."), answer.body());
    }

    @Test
    void anUnknownStripePathIsAnUnrecognizedRequestUrl() {
        TestHttp.Answer answer = stripe.get("/v1/charges");

        assertInvalidRequest(answer, 404, null, null);
        assertTrue(answer.json().path("error").path("message").asText().startsWith("Unrecognized request URL (GET: /v1/charges)"));
    }

    private static TestHttp.Answer tokenise(String number, int month, int year, String cvc) {
        Map<String, String> card = new LinkedHashMap<>(Map.of("type", "card", "card[number]", number,
                "card[exp_month]", Integer.toString(month), "card[exp_year]", Integer.toString(year)));
        card.put("card[cvc]", cvc);
        return stripe.post("/v1/payment_methods", card);
    }

    private static long storedCards() {
        return emu.database().transaction(db -> Sql.number(db, "SELECT COUNT(*) FROM payment_methods").longValue());
    }

    static void assertCardError(TestHttp.Answer answer, String code, String param) {
        assertEquals(402, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("card_error", error.path("type").asText(), answer.body());
        assertEquals(code, error.path("code").asText(), answer.body());
        assertEquals(param, error.path("param").asText(null), answer.body());
        assertFalse(error.path("message").asText().isBlank());
    }

    static void assertInvalidRequest(TestHttp.Answer answer, int status, String code, String param) {
        assertEquals(status, answer.status(), answer.body());
        JsonNode error = answer.json().path("error");
        assertEquals("invalid_request_error", error.path("type").asText(), answer.body());
        assertEquals(code, error.path("code").asText(null), answer.body());
        assertEquals(param, error.path("param").asText(null), answer.body());
        assertFalse(error.path("message").asText().isBlank());
    }
}
