package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;

import java.math.BigDecimal;
import java.sql.Connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Which card pays for a subscription, and charging it where no person can pass 3D Secure. */
final class SubscriptionCards {

    private SubscriptionCards() {
    }

    /**
     * Stripe's order: the subscription's own card while it is still saved to the account, else the
     * account's default card; empty when the account has no card.
     */
    static Optional<String> payingFor(Connection db, StoredSubscription subscription) {
        if (subscription.paymentMethodId() != null) {
            Optional<String> own = PaymentMethods.find(db, subscription.paymentMethodId())
                    .filter(card -> Objects.equals(card.accountId(), subscription.accountId()))
                    .map(PaymentMethods.Card::id);
            if (own.isPresent()) {
                return own;
            }
        }
        return PaymentMethods.defaultFor(db, subscription.accountId()).map(PaymentMethods.Card::id);
    }

    static ApiProblem noCard() {
        return ApiProblem.validation(Map.of("payment_method_id", List.of(
                "No saved card to charge: attach one with POST /billing/payment-methods and make it the default.")));
    }

    /**
     * Charges {@code card} at once, with no way to hand a 3D Secure step back: a card that needs it is
     * declined {@code authentication_required}, answered as any decline (402 {@code payment_declined}).
     */
    static PaymentIntents.PaymentIntent chargeNow(PaymentIntents intents, Connection db, StoredSubscription subscription,
                                                 String card, BigDecimal amount, ChargePurpose purpose, Instant now) {
        return intents.chargeWithoutAuthentication(db, subscription.accountId(), card, amount, purpose,
                String.valueOf(subscription.id()), now);
    }
}
