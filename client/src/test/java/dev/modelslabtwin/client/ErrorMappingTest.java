package dev.modelslabtwin.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.modelslabtwin.client.ScriptedServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorMappingTest {

    private ScriptedServer server;
    private ModelsLabClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        client = TestClients.against(server, new FakeTime(), RetryPolicy.NONE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void errorEnvelopeBecomesATypedExceptionWithEveryField() {
        server.reply(Reply.json(402, "{\"data\":null,\"error\":{\"code\":\"payment_declined\",\"message\":\"Your card was declined.\","
                + "\"details\":{\"decline_code\":\"insufficient_funds\",\"payment_intent_id\":\"pi_1\"}},"
                + "\"meta\":{\"request_id\":\"req-402\"}}"));

        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> client.wallet().fund(new BigDecimal("25"), "pm_card_chargeDeclined"));

        assertEquals(402, e.status());
        assertEquals("payment_declined", e.code());
        assertEquals("Your card was declined.", e.getMessage());
        assertEquals(Optional.of("insufficient_funds"), e.declineCode());
        assertEquals(Optional.of("pi_1"), e.detail("payment_intent_id"));
        assertEquals(Optional.of("req-402"), e.requestId());
        assertTrue(e.isPaymentDeclined());
    }

    @Test
    void emptyArrayDetailsBecomeAnEmptyMap() {
        server.reply(Reply.error(404, "not_found", "No such invoice.", "[]"));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.billing().invoice("in_missing"));

        assertEquals(Map.of(), e.details());
        assertEquals("not_found", e.code());
    }

    @Test
    void validationDetailsKeepTheirPerFieldMessages() {
        server.reply(Reply.error(422, "validation_error", "The given data was invalid.",
                "{\"amount\":[\"The amount must be at least 10.\"]}"));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.wallet().fund(new BigDecimal("1")));

        assertTrue(e.isValidationError());
        assertEquals(List.of("The amount must be at least 10."), e.details().get("amount"));
    }

    @Test
    void nullDetailValuesAreKept() {
        server.reply(Reply.error(422, "invalid_coupon", "Coupon expired.", "{\"reason\":\"expired\",\"hint\":null}"));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.wallet().redeemCoupon("OLD"));

        assertTrue(e.details().containsKey("hint"));
        assertEquals(Optional.of("expired"), e.detail("reason"));
    }

    @Test
    void nonJsonErrorBodyStillGivesATypedException() {
        server.reply(new Reply(502, "<html><body>Bad Gateway</body></html>", Map.of("Content-Type", "text/html")));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.auth().login("a@example.com", "pw"));

        assertEquals(502, e.status());
        assertEquals("http_502", e.code());
        assertTrue(e.getMessage().contains("Bad Gateway"), e.getMessage());
    }

    @Test
    void emptyErrorBodyGivesAnHttpStatusCode() {
        server.reply(new Reply(503, "", Map.of()));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.auth().logout());

        assertEquals("http_503", e.code());
    }

    @Test
    void legacyFlatMessageBodyIsRead() {
        server.reply(Reply.json(401, "{\"message\":\"Unauthenticated.\"}"));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.wallet().balance());

        assertEquals(401, e.status());
        assertEquals("http_401", e.code());
        assertEquals("Unauthenticated.", e.getMessage());
    }

    @Test
    void legacyStringErrorBodyIsRead() {
        server.reply(Reply.json(403, "{\"error\":\"Forbidden for this token\"}"));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.wallet().balance());

        assertEquals("Forbidden for this token", e.getMessage());
        assertEquals("http_403", e.code());
    }

    @Test
    void retryAfterIsExposedInSeconds() {
        server.reply(Reply.error(429, "rate_limited", "Too many requests.", "{}").withHeader("Retry-After", "7"));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.auth().login("a@example.com", "pw"));

        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    }
}
