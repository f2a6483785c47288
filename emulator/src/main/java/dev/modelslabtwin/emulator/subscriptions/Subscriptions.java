package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.StripeIds;

import dev.modelslabtwin.emulator.db.Row;
import java.sql.Connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code subscriptions} table: every read and write of a subscription's row. */
final class Subscriptions {

    /** A row without an anchor (written before there was one, or by a tool) is anchored at its current period's start. */
    private static final String COLUMNS = "id, account_id, plan_id, status, stripe_subscription_id, payment_method_id, "
            + "current_period_start, current_period_end, "
            + "COALESCE(billing_cycle_anchor, current_period_start) AS billing_cycle_anchor, period_index, past_due_since, "
            + "last_decline_code, last_payment_error, last_payment_intent_id, paused_at, canceled_at, created_at";

    private Subscriptions() {
    }

    /**
     * A new subscription to {@code plan}, its first period starting {@code now}. {@code openingPaymentIntentId}
     * and {@code checkoutSessionId} record what paid for it, so each starts at most one subscription.
     */
    static StoredSubscription start(Connection db, long accountId, Plans.Plan plan, String paymentMethodId,
                                    String openingPaymentIntentId, String checkoutSessionId, Instant now) {
        BillingInterval interval = plan.interval();
        long id = Sql.insert(db, "INSERT INTO subscriptions (account_id, plan_id, status, stripe_subscription_id, "
                        + "payment_method_id, current_period_start, current_period_end, billing_cycle_anchor, period_index, "
                        + "opening_payment_intent_id, checkout_session_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                accountId, plan.id(), SubscriptionStatus.ACTIVE, StripeIds.next("sub"), paymentMethodId, now,
                interval.periodEnd(now, 0), now, openingPaymentIntentId, checkoutSessionId, now);
        return find(db, id).orElseThrow();
    }

    static Optional<StoredSubscription> find(Connection db, long id) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?", Subscriptions::map, id);
    }

    /** The row, locked until the transaction ends, so two catch-ups cannot bill one period twice. */
    static StoredSubscription locked(Connection db, long id) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM subscriptions WHERE id = ? FOR UPDATE", Subscriptions::map, id)
                .orElseThrow(() -> new IllegalStateException("subscription " + id + " vanished"));
    }

    /** One of the account's subscriptions, locked; 404 for an unknown id or another account's. */
    static StoredSubscription owned(Connection db, long accountId, long id) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM subscriptions WHERE id = ? AND account_id = ? FOR UPDATE",
                Subscriptions::map, id, accountId).orElseThrow(() -> new ApiProblem(404, "not_found",
                "No such subscription: " + id + ".", Map.of("subscription_id", id)));
    }

    /** The account's subscriptions, newest first, whatever their status. */
    static List<StoredSubscription> list(Connection db, long accountId) {
        return Sql.list(db, "SELECT " + COLUMNS + " FROM subscriptions WHERE account_id = ? ORDER BY id DESC",
                Subscriptions::map, accountId);
    }

    /** The account's subscription to {@code planId} that is not canceled, if any. */
    static Optional<StoredSubscription> liveOnPlan(Connection db, long accountId, long planId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM subscriptions WHERE account_id = ? AND plan_id = ? AND status <> ?",
                Subscriptions::map, accountId, planId, SubscriptionStatus.CANCELED);
    }

    static Optional<StoredSubscription> openedBy(Connection db, String paymentIntentId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM subscriptions WHERE opening_payment_intent_id = ?",
                Subscriptions::map, paymentIntentId);
    }

    static Optional<StoredSubscription> startedBy(Connection db, String checkoutSessionId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM subscriptions WHERE checkout_session_id = ?",
                Subscriptions::map, checkoutSessionId);
    }

    /**
     * The ids of subscriptions with work due at {@code now}: a period that ended while they renew, or
     * a payment still unfixed when the retry window closed. {@code accountId} null: every account's.
     */
    static List<Long> due(Connection db, Long accountId, Instant now, Instant pastDueBefore) {
        String due = "((status IN (?, ?) AND current_period_end <= ?) OR (status = ? AND past_due_since <= ?))";
        Object[] parameters = {SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING, now, SubscriptionStatus.PAST_DUE,
                pastDueBefore};
        if (accountId == null) {
            return Sql.list(db, "SELECT id FROM subscriptions WHERE " + due + " ORDER BY id", row -> row.getLong(1),
                    parameters);
        }
        Object[] withAccount = new Object[parameters.length + 1];
        System.arraycopy(parameters, 0, withAccount, 0, parameters.length);
        withAccount[parameters.length] = accountId;
        return Sql.list(db, "SELECT id FROM subscriptions WHERE " + due + " AND account_id = ? ORDER BY id",
                row -> row.getLong(1), withAccount);
    }

    /**
     * Moves on to the next period of the same cycle: it starts where the current one ended (for a row
     * written without an anchor that need not be a whole interval after the anchor) and ends where the
     * anchor says.
     */
    static void nextPeriod(Connection db, StoredSubscription subscription, BillingInterval interval) {
        int next = subscription.periodIndex() + 1;
        Sql.update(db, "UPDATE subscriptions SET billing_cycle_anchor = ?, period_index = ?, current_period_start = ?, "
                        + "current_period_end = ? WHERE id = ?", subscription.anchor(), next,
                subscription.periodEnd(), interval.periodEnd(subscription.anchor(), next), subscription.id());
    }

    /** Starts a new cycle at {@code now} on {@code plan} (Stripe's {@code billing_cycle_anchor=now}). */
    static void restartCycle(Connection db, long id, Plans.Plan plan, Instant now) {
        Sql.update(db, "UPDATE subscriptions SET plan_id = ?, billing_cycle_anchor = ?, period_index = 0, "
                        + "current_period_start = ?, current_period_end = ? WHERE id = ?",
                plan.id(), now, now, plan.interval().periodEnd(now, 0), id);
    }

    static void changePlan(Connection db, long id, long planId) {
        Sql.update(db, "UPDATE subscriptions SET plan_id = ? WHERE id = ?", planId, id);
    }

    /** Active again: the payment trouble and any pause are over; {@code paymentMethodId}, when given, is charged from now on. */
    static void activate(Connection db, long id, String paymentMethodId) {
        Sql.update(db, "UPDATE subscriptions SET status = ?, past_due_since = NULL, last_decline_code = NULL, "
                        + "last_payment_error = NULL, last_payment_intent_id = NULL, paused_at = NULL, "
                        + "payment_method_id = COALESCE(?, payment_method_id) WHERE id = ?",
                SubscriptionStatus.ACTIVE, paymentMethodId, id);
    }

    /** A renewal payment failed at {@code since}. */
    static void markPastDue(Connection db, long id, Instant since, PaymentFailure failure) {
        Sql.update(db, "UPDATE subscriptions SET status = ?, past_due_since = ?, last_decline_code = ?, "
                        + "last_payment_error = ?, last_payment_intent_id = ? WHERE id = ?",
                SubscriptionStatus.PAST_DUE, since, failure.declineCode(), failure.message(), failure.paymentIntentId(), id);
    }

    /** A retry of the payment failed too: the subscription stays past due, for this newer reason. */
    static void recordPaymentFailure(Connection db, long id, PaymentFailure failure) {
        Sql.update(db, "UPDATE subscriptions SET last_decline_code = ?, last_payment_error = ?, last_payment_intent_id = ? "
                + "WHERE id = ?", failure.declineCode(), failure.message(), failure.paymentIntentId(), id);
    }

    static void pause(Connection db, long id, Instant now) {
        Sql.update(db, "UPDATE subscriptions SET status = ?, paused_at = ? WHERE id = ?", SubscriptionStatus.PAUSED, now, id);
    }

    static void cancel(Connection db, long id, Instant at) {
        Sql.update(db, "UPDATE subscriptions SET status = ?, canceled_at = ? WHERE id = ?", SubscriptionStatus.CANCELED,
                at, id);
    }

    private static StoredSubscription map(Row row) {
        return new StoredSubscription(row.getLong("id"), row.getLong("account_id"), row.getLong("plan_id"),
                SubscriptionStatus.fromValue(row.getString("status")), row.getString("stripe_subscription_id"),
                row.getString("payment_method_id"), row.instant("current_period_start"),
                row.instant("current_period_end"), row.instant("billing_cycle_anchor"), row.getInt("period_index"),
                row.instant("past_due_since"), row.getString("last_decline_code"), row.getString("last_payment_error"),
                row.getString("last_payment_intent_id"), row.instant("paused_at"), row.instant("canceled_at"),
                row.instant("created_at"));
    }
}
