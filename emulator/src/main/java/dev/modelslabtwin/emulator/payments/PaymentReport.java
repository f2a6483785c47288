package dev.modelslabtwin.emulator.payments;

import dev.modelslabtwin.client.model.PaymentStatus;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;

import java.sql.Connection;


/**
 * A PaymentIntent as the API reports it: Stripe's states folded into {@code succeeded}, {@code pending}
 * or {@code failed}, and what the payment was for.
 */
record PaymentReport(PaymentIntents.PaymentIntent intent, PaymentStatus.StatusEnum status, String purpose) {

    static PaymentReport of(Connection db, PaymentIntents.PaymentIntent intent) {
        return new PaymentReport(intent, status(intent), purpose(db, intent));
    }

    boolean failed() {
        return status == PaymentStatus.StatusEnum.FAILED;
    }

    /**
     * A decline leaves Stripe's PaymentIntent in {@code requires_payment_method} with the decline
     * code, which is what tells it apart from one not yet confirmed.
     */
    private static PaymentStatus.StatusEnum status(PaymentIntents.PaymentIntent intent) {
        return switch (intent.status()) {
            case PaymentIntents.SUCCEEDED -> PaymentStatus.StatusEnum.SUCCEEDED;
            case PaymentIntents.CANCELED -> PaymentStatus.StatusEnum.FAILED;
            case PaymentIntents.REQUIRES_PAYMENT_METHOD -> intent.declineCode() != null
                    ? PaymentStatus.StatusEnum.FAILED : PaymentStatus.StatusEnum.PENDING;
            default -> PaymentStatus.StatusEnum.PENDING;
        };
    }

    /** A Checkout payment is reported by what its session paid for. */
    private static String purpose(Connection db, PaymentIntents.PaymentIntent intent) {
        if (intent.purpose() != ChargePurpose.CHECKOUT || intent.reference() == null) {
            return intent.purpose().wireName();
        }
        return CheckoutSessions.find(db, intent.reference())
                .map(session -> CheckoutSessions.PURPOSE_FUND.equals(session.purpose()) ? "wallet_funding" : "subscription")
                .orElse(intent.purpose().wireName());
    }
}
