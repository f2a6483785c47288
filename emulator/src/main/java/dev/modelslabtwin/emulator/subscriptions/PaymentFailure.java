package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.stripe.PaymentIntents;

/** Why a subscription payment failed: Stripe's decline code, its message, and the failed PaymentIntent (if any). */
record PaymentFailure(String declineCode, String message, String paymentIntentId) {

    static PaymentFailure of(PaymentIntents.PaymentIntent declined) {
        return new PaymentFailure(declined.declineCode(), declined.decline().message(), declined.id());
    }

    /** Stripe does not even attempt a charge when the customer has no card. */
    static PaymentFailure noCard() {
        return new PaymentFailure("no_payment_method", "No saved card to charge: attach one with "
                + "POST /billing/payment-methods and make it the default, then POST /subscriptions/{id}/fix-payment.", null);
    }
}
