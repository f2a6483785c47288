package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.emulator.stripe.Invoices;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;

import java.sql.Connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving a subscription to another plan at once, prorated as Stripe prorates by default: within the
 * same interval the difference waits for the next invoice; across intervals the cycle restarts now.
 */
final class PlanChanges {

    /** What a plan change did. {@code payment} is the charge of a restarted cycle, if any. */
    record Outcome(boolean changed, boolean cycleRestarted, PaymentIntents.PaymentIntent payment) {
    }

    private PlanChanges() {
    }

    static Outcome change(Connection db, PaymentIntents intents, long accountId, long id, long newPlanId, Instant now) {
        StoredSubscription subscription = Subscriptions.owned(db, accountId, id);
        SubscriptionStates.require(subscription, "Only an active or trialing subscription can change plan.",
                SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING);
        Plans.Plan target = Plans.requested(db, newPlanId, "new_plan_id");
        if (target.id() == subscription.planId()) {
            return new Outcome(false, false, null);
        }
        SubscriptionStates.refuseSecondOnPlan(db, accountId, target);
        Plans.Plan current = Plans.existing(db, subscription.planId());
        if (current.interval() != target.interval()) {
            return new Outcome(true, true, PeriodRestarts.restart(db, intents, subscription, target, now));
        }
        List<Invoices.Line> prorations = new ArrayList<>();
        Proration.unusedTime(current, subscription, now).ifPresent(prorations::add);
        Proration.remainingTime(target, subscription, now).ifPresent(prorations::add);
        for (Invoices.Line line : prorations) {
            PendingItems.add(db, subscription.id(), line, now);
        }
        Subscriptions.changePlan(db, id, target.id());
        return new Outcome(true, false, null);
    }
}
