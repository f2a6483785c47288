package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe refused a card, on attach or on charge: answered as the documented 402 {@code payment_declined}
 * "Your card was declined." with {@code details.decline_code} and {@code details.payment_intent_id}, the
 * failed PaymentIntent (headless-flow.mdx, "Handling Card Failures"); only saving a card
 * ({@code POST /billing/payment-methods}), which is no payment, names none. A refused attach is thrown
 * where it happens and undoes its transaction; a declined payment is a PaymentIntent its caller keeps,
 * and this is thrown only once the transaction that keeps it is committed. Stripe's own message for the
 * decline stays on the fake Stripe's objects ({@code last_payment_error}).
 */
public final class CardDeclined extends ApiProblem {

    /** The documented message of every decline, whatever Stripe's decline code. */
    public static final String MESSAGE = "Your card was declined.";

    private final TestCards.Decline decline;
    private final String paymentIntentId;

    public CardDeclined(TestCards.Decline decline, String paymentIntentId) {
        super(402, "payment_declined", MESSAGE, details(decline, paymentIntentId));
        this.decline = decline;
        this.paymentIntentId = paymentIntentId;
    }

    /** The refusal of a {@link PaymentIntents.PaymentIntent#declined() declined} charge. */
    public static CardDeclined of(PaymentIntents.PaymentIntent declined) {
        return new CardDeclined(declined.decline(), declined.id());
    }

    /**
     * A payment left awaiting 3D Secure by an operation that cannot hand that step back (subscriptions):
     * declined {@code authentication_required}, as the subscriptions page documents, naming the pending
     * PaymentIntent.
     */
    public static CardDeclined authenticationRequired(PaymentIntents.PaymentIntent pending) {
        return new CardDeclined(TestCards.AUTHENTICATION_REQUIRED, pending.id());
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
