package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.stripe.Invoices;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;

import java.sql.Connection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What falls due on subscriptions as time passes, done period by period in the order it fell due,
 * each step in its own transaction and conditional on the state it changes, so running it twice for
 * the same time does nothing twice:
 * <ul>
 *   <li>a renewing subscription whose period ended is charged off-session for the next period (plus
 *   pending items) on its card: paid, a paid invoice; failed, {@code past_due} with what it owes;</li>
 *   <li>a subscription still {@code past_due} {@link #RETRY_WINDOW} after its renewal failed is
 *   canceled and what it owed is voided (Stripe's "cancel the subscription" once retries end);</li>
 *   <li>a first payment still awaiting 3D Secure after {@link #INCOMPLETE_LIFETIME} is canceled, as
 *   Stripe expires an incomplete subscription.</li>
 * </ul>
 * The control API runs it when it moves the clock; subscription operations run it for the caller's
 * account first, so what they read is never behind the clock.
 */
public final class Renewals {

    /** Stripe's recommended retry policy runs for two weeks; the emulator itself does not retry. */
    static final Duration RETRY_WINDOW = Duration.ofDays(14);
    /** How long Stripe keeps an incomplete subscription's first payment open. */
    static final Duration INCOMPLETE_LIFETIME = Duration.ofHours(23);

    private final Services services;
    private final PaymentIntents intents;
    /** One catch-up at a time, so two cannot bill one period twice (each step also locks its row). */
    private final ReentrantLock lock = new ReentrantLock();

    public Renewals(Services services, PaymentIntents intents) {
        this.services = services;
        this.intents = intents;
    }

    /** Everything due for every account at {@code now}; how many renewals and cancellations it did. */
    public int runDue(Instant caughtUpTo, Instant now) {
        return catchUp(null, now);
    }

    /** Everything due at {@code now} for one account ({@code null}: every account); how many steps it took. */
    public int catchUp(Long accountId, Instant now) {
        lock.lock();
        try {
            services.database().transaction(db -> {
                expireUnfinishedStarts(db, accountId, now);
                return null;
            });
            List<Long> due = services.database().transaction(db -> Subscriptions.due(db, accountId, now,
                    now.minus(RETRY_WINDOW)));
            int steps = 0;
            for (long id : due) {
                while (services.database().transaction(db -> step(db, id, now))) {
                    steps++;
                }
            }
            return steps;
        } finally {
            lock.unlock();
        }
    }

    /** Does the earliest thing due on one subscription; false when nothing is due any more. */
    private boolean step(Connection db, long id, Instant now) {
        StoredSubscription subscription = Subscriptions.locked(db, id);
        if (subscription.renews() && !subscription.periodEnd().isAfter(now)) {
            renew(db, subscription);
            return true;
        }
        if (subscription.is(SubscriptionStatus.PAST_DUE) && subscription.pastDueSince() != null
                && !subscription.pastDueSince().plus(RETRY_WINDOW).isAfter(now)) {
            cancelUnpaid(db, subscription, subscription.pastDueSince().plus(RETRY_WINDOW));
            return true;
        }
        return false;
    }

    /** Bills the period that starts where the current one ends, at that moment. */
    private void renew(Connection db, StoredSubscription subscription) {
        Instant at = subscription.periodEnd();
        Plans.Plan plan = Plans.existing(db, subscription.planId());
        BillingInterval interval = plan.interval();
        int next = subscription.periodIndex() + 1;
        Invoices.Line period = SubscriptionInvoices.period(plan, at, interval.periodEnd(subscription.anchor(), next));
        Bill bill = Bill.of(db, subscription.id(), List.of(period));
        Subscriptions.nextPeriod(db, subscription, interval);
        if (!bill.needsPayment()) {
            SubscriptionInvoices.settle(db, subscription, bill, plan, null, at);
            return;
        }
        Optional<String> card = SubscriptionCards.payingFor(db, subscription);
        if (card.isEmpty()) {
            owe(db, subscription, period, PaymentFailure.noCard(), at);
            return;
        }
        PaymentIntents.PaymentIntent payment = intents.chargeWithoutAuthentication(db, subscription.accountId(),
                card.get(), bill.total(), ChargePurpose.SUBSCRIPTION_RENEWAL, String.valueOf(subscription.id()), at);
        if (payment.declined()) {
            owe(db, subscription, period, PaymentFailure.of(payment), at);
        } else {
            SubscriptionInvoices.settle(db, subscription, bill, plan, payment.id(), at);
        }
    }

    /** The renewal was not paid: its period line waits, with the other pending items, for fix-payment. */
    private static void owe(Connection db, StoredSubscription subscription, Invoices.Line period, PaymentFailure failure,
                            Instant at) {
        PendingItems.add(db, subscription.id(), period, at);
        Subscriptions.markPastDue(db, subscription.id(), at, failure);
    }

    private void cancelUnpaid(Connection db, StoredSubscription subscription, Instant at) {
        PendingItems.clear(db, subscription.id());
        for (PaymentIntents.PaymentIntent retry : intents.awaitingAuthentication(db,
                ChargePurpose.SUBSCRIPTION_RECOVERY)) {
            if (String.valueOf(subscription.id()).equals(retry.reference())) {
                intents.cancel(db, retry.id(), at);
            }
        }
        Subscriptions.cancel(db, subscription.id(), at);
    }

    private void expireUnfinishedStarts(Connection db, Long accountId, Instant now) {
        for (PaymentIntents.PaymentIntent start : intents.awaitingAuthentication(db, ChargePurpose.SUBSCRIPTION)) {
            Instant expiry = start.createdAt().plus(INCOMPLETE_LIFETIME);
            if ((accountId == null || accountId == start.accountId()) && !expiry.isAfter(now)) {
                intents.cancel(db, start.id(), expiry);
            }
        }
    }
}
