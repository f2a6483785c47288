package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.emulator.stripe.Invoices;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;

import java.sql.Connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starting a subscription's billing cycle over at once (Stripe's {@code billing_cycle_anchor=now}): on a
 * reset of the cycle, a change to a plan with another interval, or a resume after the paid period
 * ended. One invoice charges the new period, less the unused time of the old one, plus pending items;
 * the charge is all or nothing.
 */
final class PeriodRestarts {


    private PeriodRestarts() {
    }

    /** {@code POST /subscriptions/{id}/reset-cycle}: an active subscription's new period starts now. */
    static PaymentIntents.PaymentIntent resetCycle(Connection db, PaymentIntents intents, long accountId, long id,
                                                   Instant now) {
        StoredSubscription subscription = Subscriptions.owned(db, accountId, id);
        SubscriptionStates.require(subscription, "Only an active subscription can reset its billing cycle.",
                SubscriptionStatus.ACTIVE);
        return restart(db, intents, subscription, Plans.existing(db, subscription.planId()), now);
    }

    /**
     * Restarts the cycle on {@code plan} at {@code now}; returns the charge, or null when the bill was a
     * credit. A declined charge changes nothing but is returned, its PaymentIntent kept.
     */
    static PaymentIntents.PaymentIntent restart(Connection db, PaymentIntents intents, StoredSubscription subscription,
                                                Plans.Plan plan, Instant now) {
        List<Invoices.Line> lines = new ArrayList<>();
        Proration.unusedTime(Plans.existing(db, subscription.planId()), subscription, now).ifPresent(lines::add);
        lines.add(SubscriptionInvoices.period(plan, now, plan.interval().periodEnd(now, 0)));
        Bill bill = Bill.of(db, subscription.id(), lines);
        PaymentIntents.PaymentIntent payment = null;
        if (bill.needsPayment()) {
            String card = SubscriptionCards.payingFor(db, subscription).orElseThrow(SubscriptionCards::noCard);
            payment = SubscriptionCards.chargeNow(intents, db, subscription, card, bill.total(),
                    ChargePurpose.SUBSCRIPTION_UPDATE, now);
            if (payment.declined()) {
                return payment;
            }
        }
        SubscriptionInvoices.settle(db, subscription, bill, plan, payment == null ? null : payment.id(), now);
        Subscriptions.restartCycle(db, subscription.id(), plan, now);
        Subscriptions.activate(db, subscription.id(), payment == null ? null : payment.paymentMethodId());
        return payment;
    }
}
