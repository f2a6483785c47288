package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.stripe.Invoices;

import java.math.BigDecimal;
import java.sql.Connection;

import java.util.ArrayList;
import java.util.List;

/**
 * What a subscription's next invoice will hold: its pending items and the lines of this billing
 * event (a new period, a proration credit). Nothing is written until the bill is settled, so a charge
 * that fails leaves the pending items as they were.
 */
record Bill(long subscriptionId, List<Invoices.Line> lines) {

    static Bill of(Connection db, long subscriptionId, List<Invoices.Line> newLines) {
        List<Invoices.Line> lines = new ArrayList<>(PendingItems.of(db, subscriptionId));
        lines.addAll(newLines);
        return new Bill(subscriptionId, List.copyOf(lines));
    }

    BigDecimal total() {
        return lines.stream().map(line -> line.amount().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether a card must be charged: a bill that nets to zero or a credit is settled without one. */
    boolean needsPayment() {
        return total().signum() > 0;
    }
}
