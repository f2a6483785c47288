package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;

import org.junit.jupiter.api.Assumptions;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls several checks share, each one request through the contract filter. */
final class Steps {

    /** Stripe's test-mode shortcut for a Visa that always succeeds; accepted wherever a {@code pm_...} id goes. */
    static final String VISA = "pm_card_visa";

    private Steps() {
    }

    static BigDecimal balance(Api api) {
        return api.get("/wallet/balance").expect(200).money("balance");
    }

    /** {@code POST /wallet/fund} with a fresh idempotency key, as a careful agent sends it. */
    static Answer fund(Api api, String amount, String paymentMethodId) {
        return api.withIdempotencyKey("conformance-" + UUID.randomUUID()).post("/wallet/fund", funding(amount, paymentMethodId));
    }

    /** The body of {@code POST /wallet/fund}; without a card the default card pays (or Checkout, with none). */
    static JsonNode funding(String amount, String paymentMethodId) {
        return paymentMethodId == null ? Json.object("amount", new BigDecimal(amount))
                : Json.object("amount", new BigDecimal(amount), "payment_method_id", paymentMethodId);
    }

    /**
     * The card to charge on this target: a test card on an emulator; against a live server the one named
     * by {@code -Dconformance.paymentMethodId}, else the account's default card, found by listing its cards.
     */
    static String chargeableCard(Target target, Api api) {
        if (target.isEmulator()) {
            return VISA;
        }
        String configured = target.settings().paymentMethodId();
        if (!configured.isEmpty()) {
            return configured;
        }
        for (JsonNode card : api.get("/billing/payment-methods").expect(200).data()) {
            if (card.path("is_default").asBoolean()) {
                return card.path("id").asText();
            }
        }
        Assumptions.assumeTrue(false, "the account has no default card to charge: save one, or set -Dconformance.paymentMethodId");
        return null;
    }

    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " USD, was " + actual);
    }

    static void assertMoney(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), "expected " + expected + " USD, was " + actual);
    }
}
