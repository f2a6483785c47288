package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.StripeIds;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes the invoice of a successful charge: every wallet top-up, subscription payment and extra
 * charge gets one, paid, with its lines, in the same transaction as the charge's effect.
 */
public final class Invoices {

    /** One line of an invoice. */
    public record Line(String description, int quantity, BigDecimal amount) {
    }

    private Invoices() {
    }

    /** A paid invoice for {@code lines}; returns its id ({@code in_...}). */
    public static String recordPaid(Connection db, long accountId, String description, List<Line> lines,
                                    String paymentIntentId, Long subscriptionId, Instant now) throws SQLException {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice needs at least one line");
        }
        BigDecimal total = lines.stream().map(line -> line.amount().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String id = StripeIds.next("in");
        long sequence = Sql.number(db, "SELECT COUNT(*) FROM invoices WHERE account_id = ?", accountId).longValue() + 1;
        String number = String.format("MLT-%05d-%04d", accountId, sequence);
        Sql.update(db, "INSERT INTO invoices (id, account_id, number, amount, status, description, payment_intent_id, "
                        + "subscription_id, created_at, paid_at) VALUES (?, ?, ?, ?, 'paid', ?, ?, ?, ?, ?)",
                id, accountId, number, total, description, paymentIntentId, subscriptionId, now, now);
        for (Line line : lines) {
            Sql.update(db, "INSERT INTO invoice_lines (invoice_id, description, quantity, amount) VALUES (?, ?, ?, ?)",
                    id, line.description(), line.quantity(), line.amount());
        }
        return id;
    }

    /** A one-line paid invoice. */
    public static String recordPaid(Connection db, long accountId, String description, BigDecimal amount,
                                    String paymentIntentId, Long subscriptionId, Instant now) throws SQLException {
        return recordPaid(db, accountId, description, List.of(new Line(description, 1, amount)), paymentIntentId,
                subscriptionId, now);
    }
}
