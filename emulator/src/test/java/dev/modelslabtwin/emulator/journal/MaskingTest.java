package dev.modelslabtwin.emulator.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void secretFieldsAreMaskedWhateverTheyHold() throws Exception {
        JsonNode masked = Masking.json(JSON.readTree("""
                {"password": "p", "Password_Confirmation": "p", "verification_code": "abc", "client_secret": "pi_1_secret_2",
                 "refresh_token": 42, "nested": [{"secret": "s"}], "email": "a@example.com"}"""));

        assertEquals("****", masked.path("password").asText());
        assertEquals("****", masked.path("Password_Confirmation").asText());
        assertEquals("****", masked.path("verification_code").asText());
        assertEquals("****", masked.path("client_secret").asText());
        assertEquals("****", masked.path("refresh_token").asText());
        assertEquals("****", masked.path("nested").get(0).path("secret").asText());
        assertEquals("a@example.com", masked.path("email").asText());
    }

    @Test
    void aBearerTokenKeepsOnlyItsIdWhereverItAppears() throws Exception {
        JsonNode masked = Masking.json(JSON.readTree("""
                {"access_token": "12|q8ZxLkP2mN4vB7cR9tY3wE6uI0oA5sD1fG2hJ3kL", "note": "use 7|twin_default_token_0123456789abcdefghijkl now"}"""));

        assertEquals("12|****", masked.path("access_token").asText());
        assertEquals("use 7|**** now", masked.path("note").asText());
        assertEquals("Bearer 7|****", Masking.authorization("Bearer 7|twin_default_token_0123456789abcdefghijkl"));
        assertEquals("Bearer ****", Masking.authorization("Bearer opaque"));
    }

    @Test
    void cardNumbersKeepTheirLastFourDigitsAndSecurityCodesNothing() throws Exception {
        JsonNode masked = Masking.json(JSON.readTree("""
                {"card": {"number": "4000 0025 0000 3155", "cvc": "123"}, "pan": 5555555555554444, "memo": "card 4242-4242-4242-4242"}"""));

        assertEquals("****3155", masked.path("card").path("number").asText());
        assertEquals("****", masked.path("card").path("cvc").asText());
        assertEquals("****4444", masked.path("pan").asText());
        assertEquals("card ****4242", masked.path("memo").asText());
    }

    @Test
    void numbersThatAreNotCardNumbersStayReadable() throws Exception {
        JsonNode masked = Masking.json(JSON.readTree("""
                {"number": "INV-2026-000123", "id": 1234567890123, "amount": 25.50, "reference": "order 1234567890123"}"""));

        assertEquals("INV-2026-000123", masked.path("number").asText());
        assertEquals(1234567890123L, masked.path("id").asLong(), "not a Luhn number");
        assertEquals("order 1234567890123", masked.path("reference").asText());
        assertEquals(25.50, masked.path("amount").asDouble());
    }

    @Test
    void aBodyThatIsNotJsonIsMaskedAsText() {
        String masked = Masking.text("{\"password\": \"hunter2\", \"card[number]\"=4242424242424242&card[cvc]=123&amount=10");

        assertFalse(masked.contains("hunter2"), masked);
        assertFalse(masked.contains("4242424242424242"), masked);
        assertFalse(masked.contains("cvc]=123"), masked);
        assertTrue(masked.contains("amount=10"), masked);
    }

    @Test
    void nothingToMaskIsNothingToMask() {
        assertNull(Masking.json(null));
        assertNull(Masking.text(null));
        assertEquals("plain text", Masking.text("plain text"));
    }

    @Test
    void aCardNumberOrATokenInAPercentEncodedPathOrQueryIsMaskedAndOtherPathsStayAsTheyAre() {
        assertEquals("/api/agents/v1/billing/invoices/****0505", Masking.url("/api/agents/v1/billing/invoices/3566%200020%202036%200505"));
        assertEquals("q=****1117&t=7|****", Masking.url("q=6011-1111-1111-1117&t=7%7Cabcdefghijklmnop0123"));
        assertEquals("/api/agents/v1/billing/invoices/in_%20x", Masking.url("/api/agents/v1/billing/invoices/in_%20x"));
        assertEquals("/a/%ZZ", Masking.url("/a/%ZZ"));
    }

    @Test
    void theVerificationLinksCodeIsMaskedInAPath() {
        assertEquals("/verify/****", Masking.url("/verify/Qm4x7Lp2Rv9sT1wY6zA3bC8dE5fG0hJ2kL4mN6pR"));
        assertEquals("/api/agents/v1/verify-email", Masking.url("/api/agents/v1/verify-email"));
    }
}
