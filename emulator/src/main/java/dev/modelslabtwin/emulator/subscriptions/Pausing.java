package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;

import java.sql.Connection;

import java.time.Instant;

/**
 * Pausing collection: a paused subscription is not renewed, whatever the calendar says. Resuming
 * within the paid period charges nothing; resuming after it ended starts a new period, charged now.
 */
final class Pausing {

    private Pausing() {
    }

    static void pause(Connection db, long accountId, long id, Instant now) {
        StoredSubscription subscription = Subscriptions.owned(db, accountId, id);
        SubscriptionStates.require(subscription, "Only an active or trialing subscription can be paused.",
                SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING);
        Subscriptions.pause(db, id, now);
    }

    /** Resumes; returns the charge for a new period when the paid one ended during the pause, else null. */
    static PaymentIntents.PaymentIntent resume(Connection db, PaymentIntents intents, long accountId, long id, Instant now) {
        StoredSubscription subscription = Subscriptions.owned(db, accountId, id);
        SubscriptionStates.require(subscription, "Only a paused subscription can be resumed.", SubscriptionStatus.PAUSED);
        if (now.isBefore(subscription.periodEnd())) {
            Subscriptions.activate(db, id, null);
            return null;
        }
        return PeriodRestarts.restart(db, intents, subscription, Plans.existing(db, subscription.planId()), now);
    }
}
