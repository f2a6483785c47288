package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.SubscriptionStatus;

import java.time.Instant;

/**
 * A subscription as stored: its plan and status, the card renewals charge first, its current period
 * (number {@code periodIndex} of the cycle that started at {@code anchor}) and, while {@code past_due},
 * why its last renewal failed.
 */
record StoredSubscription(long id, long accountId, long planId, SubscriptionStatus status, String stripeId,
                          String paymentMethodId, Instant periodStart, Instant periodEnd, Instant anchor,
                          int periodIndex, Instant pastDueSince, String lastDeclineCode, String lastPaymentError,
                          String lastPaymentIntentId, Instant pausedAt, Instant canceledAt, Instant createdAt) {

    /** Whether the subscription is billed when its period ends. */
    boolean renews() {
        return status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.TRIALING;
    }

    boolean is(SubscriptionStatus expected) {
        return status == expected;
    }
}
