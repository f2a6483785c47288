package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.db.Sql;

import java.math.BigDecimal;
import java.sql.Connection;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The account's subscriptions with their plans, as the billing overview shows them (newest first). */
final class AccountSubscriptions {

    /** Statuses in which a subscription is in force and renews: it has a next billing date. */
    private static final Set<String> RENEWING = Set.of("active", "trialing", "past_due");
    /** Statuses in which the plan's service is delivered: the overview's {@code active_subscription}. */
    private static final Set<String> IN_SERVICE = Set.of("active", "trialing");

    /** A subscription and its plan's name, category, price and period. */
    record Row(long id, long planId, String planName, String category, String status, BigDecimal price, String period,
               String stripeSubscriptionId, Instant currentPeriodStart, Instant currentPeriodEnd, Instant createdAt) {

        /** The end of the current period while the subscription renews; null when paused or canceled. */
        Instant nextBillingDate() {
            return RENEWING.contains(status) ? currentPeriodEnd : null;
        }

        boolean inService() {
            return IN_SERVICE.contains(status);
        }
    }

    private AccountSubscriptions() {
    }

    static List<Row> of(Connection db, long accountId) {
        return Sql.list(db, "SELECT s.id, s.plan_id, p.name, p.category, s.status, p.price, p.period, s.stripe_subscription_id, "
                        + "s.current_period_start, s.current_period_end, s.created_at FROM subscriptions s "
                        + "JOIN plans p ON p.id = s.plan_id WHERE s.account_id = ? ORDER BY s.created_at DESC, s.id DESC",
                row -> new Row(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getBigDecimal(6), row.getString(7), row.getString(8), row.instant("current_period_start"),
                        row.instant("current_period_end"), row.instant("created_at")),
                accountId);
    }
}
