package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe refused a card, on attach or on charge: answered as 402 {@code payment_declined} with
 * {@code details.decline_code} (and {@code details.payment_intent_id} for a charge). The transaction
 * that charged still commits, so the failed PaymentIntent stays queryable, as Stripe keeps it.
 */
public final class CardDeclined extends ApiProblem implements Database.CommitsWorkDone {

    private final TestCards.Decline decline;
    private final String paymentIntentId;

    public CardDeclined(TestCards.Decline decline, String paymentIntentId) {
        super(402, "payment_declined", decline.message(), details(decline, paymentIntentId));
        this.decline = decline;
        this.paymentIntentId = paymentIntentId;
    }

    public TestCards.Decline decline() {
        return decline;
    }

    /** The failed PaymentIntent, or null when the card was refused on attach. */
    public String paymentIntentId() {
        return paymentIntentId;
    }

    private static Map<String, Object> details(TestCards.Decline decline, String paymentIntentId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decline_code", decline.declineCode());
        if (paymentIntentId != null) {
            details.put("payment_intent_id", paymentIntentId);
        }
        return details;
    }
}
