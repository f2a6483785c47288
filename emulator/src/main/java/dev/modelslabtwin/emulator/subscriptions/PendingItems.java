package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.stripe.Invoices;
import dev.modelslabtwin.emulator.db.Sql;

import java.math.BigDecimal;
import java.sql.Connection;

import java.time.Instant;
import java.util.List;

/**
 * Invoice items waiting for a subscription's next invoice, as Stripe keeps them: prorations of a plan
 * change, a credit carried over, or the lines of a renewal the card declined (which make up what a
 * {@code past_due} subscription owes). Negative amounts are credits.
 */
final class PendingItems {

    private PendingItems() {
    }

    static void add(Connection db, long subscriptionId, Invoices.Line line, Instant now) {
        Sql.update(db, "INSERT INTO subscription_pending_items (subscription_id, description, amount, created_at) "
                + "VALUES (?, ?, ?, ?)", subscriptionId, line.description(), line.amount(), now);
    }

    static List<Invoices.Line> of(Connection db, long subscriptionId) {
        return Sql.list(db, "SELECT description, amount FROM subscription_pending_items WHERE subscription_id = ? ORDER BY id",
                row -> new Invoices.Line(row.getString(1), 1, row.getBigDecimal(2)), subscriptionId);
    }

    static BigDecimal total(Connection db, long subscriptionId) {
        return Sql.number(db, "SELECT SUM(amount) FROM subscription_pending_items WHERE subscription_id = ?", subscriptionId);
    }

    /** The items were invoiced (or voided): none waits any more. */
    static void clear(Connection db, long subscriptionId) {
        Sql.update(db, "DELETE FROM subscription_pending_items WHERE subscription_id = ?", subscriptionId);
    }
}
