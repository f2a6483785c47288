package dev.modelslabtwin.emulator.stripe.api;

import dev.modelslabtwin.emulator.db.Database;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key store behind Stripe's idempotency: a key's first use, its retries, and a retry racing the first use. */
class StripeIdempotencyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<String, List<String>> CARD = Map.of("type", List.of("card"), "card[number]", List.of("4242"));

    private final StripeIdempotency keys = new StripeIdempotency(Database.inMemory());

    @Test
    void aRetryWhileTheFirstUseStillRunsIsA409() {
        assertTrue(keys.claim("k", "POST /v1/payment_methods", CARD, "req_1", NOW).isEmpty());

        StripeError racing = assertThrows(StripeError.class, () -> keys.claim("k", "POST /v1/payment_methods", CARD, "req_2", NOW));

        assertEquals(409, racing.status());
        assertEquals("idempotency_error", racing.body().path("error").path("type").asText());
    }

    @Test
    void aKeptAnswerIsReplayedWithTheFirstRequestsId() {
        keys.claim("k", "POST /v1/payment_methods", CARD, "req_1", NOW);
        keys.keep("k", 402, "{\"error\": {}}");

        StripeIdempotency.Stored stored = keys.claim("k", "POST /v1/payment_methods", CARD, "req_2", NOW).orElseThrow();

        assertEquals(402, stored.status());
        assertEquals("req_1", stored.originalRequestId());
    }

    @Test
    void theOrderParametersCameInDoesNotMatter() {
        keys.claim("k", "POST /v1/payment_methods", Map.of("a", List.of("1"), "b", List.of("2")), "req_1", NOW);
        keys.keep("k", 200, "{}");

        assertTrue(keys.claim("k", "POST /v1/payment_methods", new java.util.TreeMap<>(Map.of("b", List.of("2"),
                "a", List.of("1"))), "req_2", NOW).isPresent());
    }

    @Test
    void aReleasedKeyIsFreeAgain() {
        keys.claim("k", "POST /v1/payment_methods", CARD, "req_1", NOW);
        keys.release("k");

        assertTrue(keys.claim("k", "POST /v1/tokens", Map.of(), "req_2", NOW).isEmpty());
    }

    @Test
    void aKeyLongerThanStripesLongestIsRefused() {
        StripeError refused = assertThrows(StripeError.class, () -> keys.claim("k".repeat(256), "POST /v1/tokens", Map.of(),
                "req_1", NOW));

        assertEquals(400, refused.status());
    }
}
