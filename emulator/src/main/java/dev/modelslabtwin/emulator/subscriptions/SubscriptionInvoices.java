package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.stripe.Invoices;

import java.math.BigDecimal;
import java.sql.Connection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a settled {@link Bill} into a paid invoice. A bill that nets to a credit is invoiced at zero
 * and its credit carried to the next invoice, as Stripe applies a negative invoice to the customer's
 * credit balance.
 */
final class SubscriptionInvoices {

    private SubscriptionInvoices() {
    }

    /** The invoice line of one period of {@code plan}. */
    static Invoices.Line period(Plans.Plan plan, Instant start, Instant end) {
        return period(plan, start, end, plan.price());
    }

    /** The invoice line of one period of {@code plan}, for what was actually paid for it (a Checkout's amount). */
    static Invoices.Line period(Plans.Plan plan, Instant start, Instant end, BigDecimal amount) {
        return new Invoices.Line(plan.name() + " (" + day(start) + " to " + day(end) + ")", 1, amount);
    }

    /**
     * Writes the paid invoice of {@code bill} (paid by {@code paymentIntentId}, or by nobody when it
     * needed no payment) and clears the items it billed; returns the invoice's id.
     */
    static String settle(Connection db, StoredSubscription subscription, Bill bill, Plans.Plan plan,
                         String paymentIntentId, Instant now) {
        PendingItems.clear(db, bill.subscriptionId());
        BigDecimal total = bill.total();
        List<Invoices.Line> lines = new ArrayList<>(bill.lines());
        if (total.signum() < 0) {
            lines.add(new Invoices.Line("Credit carried to the next invoice", 1, total.negate()));
        }
        String invoice = Invoices.recordPaid(db, subscription.accountId(), "Subscription: " + plan.name(), lines,
                paymentIntentId, bill.subscriptionId(), now);
        if (total.signum() < 0) {
            PendingItems.add(db, bill.subscriptionId(), new Invoices.Line("Credit carried over from invoice " + invoice, 1,
                    total), now);
        }
        return invoice;
    }

    static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
