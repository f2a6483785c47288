package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;

import java.sql.Connection;

import java.time.Instant;
import java.util.List;

/**
 * Fixing a failed renewal: what a {@code past_due} subscription owes is charged on the account's
 * default card, on-session, so a card that needs 3D Secure can still be authenticated by a person (the
 * usual reason an off-session renewal fails under SCA). Paid — at once or after authentication — the
 * subscription is active again and renews on that card.
 */
final class PaymentRecovery {


    private PaymentRecovery() {
    }

    /**
     * Charges what the subscription owes; returns the PaymentIntent: succeeded (its effect done), awaiting
     * 3D Secure, or declined (the subscription still past due, for this newer reason).
     */
    static PaymentIntents.PaymentIntent retry(Connection db, PaymentIntents intents, long accountId, long id, Instant now) {
        StoredSubscription subscription = Subscriptions.owned(db, accountId, id);
        SubscriptionStates.require(subscription, "Only a past_due subscription has a failed payment to fix.",
                SubscriptionStatus.PAST_DUE);
        String card = PaymentMethods.defaultFor(db, accountId).map(PaymentMethods.Card::id)
                .orElseThrow(SubscriptionCards::noCard);
        for (PaymentIntents.PaymentIntent earlier : intents.awaitingAuthentication(db, ChargePurpose.SUBSCRIPTION_RECOVERY)) {
            if (String.valueOf(id).equals(earlier.reference())) {
                intents.cancel(db, earlier.id(), now);
            }
        }
        Bill owed = Bill.of(db, id, List.of());
        PaymentIntents.PaymentIntent payment = intents.charge(db, accountId, card, owed.total(), ChargePurpose.SUBSCRIPTION_RECOVERY,
                String.valueOf(id), now);
        if (payment.declined()) {
            Subscriptions.recordPaymentFailure(db, id, PaymentFailure.of(payment));
        }
        return payment;
    }

    /** The effect of a successful retry: the owed items are invoiced as paid and the subscription is active again. */
    static void fulfil(Connection db, PaymentIntents.PaymentIntent payment, Instant now) {
        StoredSubscription subscription = Subscriptions.locked(db, Long.parseLong(payment.reference()));
        Bill owed = Bill.of(db, subscription.id(), List.of());
        SubscriptionInvoices.settle(db, subscription, owed, Plans.existing(db, subscription.planId()), payment.id(), now);
        if (subscription.is(SubscriptionStatus.PAST_DUE)) {
            Subscriptions.activate(db, subscription.id(), payment.paymentMethodId());
        }
    }
}
