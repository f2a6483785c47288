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

    /** The body of {@code POST /wallet/fund}; without a card the answer is a Checkout Session, nothing charged. */
    static JsonNode funding(String amount, String paymentMethodId) {
        return paymentMethodId == null ? Json.object("amount", new BigDecimal(amount))
                : Json.object("amount", new BigDecimal(amount), "payment_method_id", paymentMethodId);
    }

    /**
     * Saves {@code paymentMethodId} to the account as its default card ({@code POST /billing/payment-methods}),
     * as funding with a card does not: returns the saved card's {@code pm_...} id.
     */
    static String saveCard(Api api, String paymentMethodId) {
        return api.withIdempotencyKey("conformance-" + UUID.randomUUID()).post("/billing/payment-methods",
                Json.object("payment_method_id", paymentMethodId, "make_default", true)).expect(201).data().path("id").asText();
    }

    /**
     * Skips the calling check on a live server unless funding or subscribing without a card can charge
     * nothing there: the contract says such a call opens a Checkout Session, but an API that read it as the
     * twin once did would charge the saved default card. So it runs live only on an account with no saved
     * card, or with {@code -Dconformance.allowMoneyMovement=true} when {@code moneyMayMove}.
     */
    static void assumeNothingCanBeCharged(Target target, Api api, boolean moneyMayMove, String what) {
        if (target.isEmulator() || moneyMayMove && target.settings().allowMoneyMovement()) {
            return;
        }
        int saved = api.get("/billing/payment-methods").expect(200).data().size();
        Assumptions.assumeTrue(saved == 0, () -> what + " without a card is free only where no saved card could be "
                + "charged instead; this account has " + saved + (moneyMayMove
                ? " (or run with -Dconformance.allowMoneyMovement=true)" : ""));
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
