package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.stripe.CardDeclined;

/** Why a subscription payment failed: Stripe's decline code, its message, and the failed PaymentIntent (if any). */
record PaymentFailure(String declineCode, String message, String paymentIntentId) {

    static PaymentFailure of(CardDeclined declined) {
        return new PaymentFailure(declined.decline().declineCode(), declined.getMessage(), declined.paymentIntentId());
    }

    /** Stripe does not even attempt a charge when the customer has no card. */
    static PaymentFailure noCard() {
        return new PaymentFailure("no_payment_method", "No saved card to charge: attach one with "
                + "POST /billing/payment-methods and make it the default, then POST /subscriptions/{id}/fix-payment.", null);
    }
}
