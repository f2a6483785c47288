package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe refused a card, on attach or on charge: answered as 402 {@code payment_declined} with
 * {@code details.decline_code} (and {@code details.payment_intent_id} for a charge). A refused attach
 * is thrown where it happens and undoes its transaction; a declined charge is a PaymentIntent its
 * caller keeps, and this is thrown only once the transaction that keeps it is committed.
 */
public final class CardDeclined extends ApiProblem {

    private final TestCards.Decline decline;
    private final String paymentIntentId;

    public CardDeclined(TestCards.Decline decline, String paymentIntentId) {
        super(402, "payment_declined", decline.message(), details(decline, paymentIntentId));
        this.decline = decline;
        this.paymentIntentId = paymentIntentId;
    }

    /** The refusal of a {@link PaymentIntents.PaymentIntent#declined() declined} charge. */
    public static CardDeclined of(PaymentIntents.PaymentIntent declined) {
        return new CardDeclined(declined.decline(), declined.id());
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
