package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Row;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.db.WatchedTables;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account's invoices, as Stripe Billing keeps them for ModelsLab ({@code in_...}, with a hosted page
 * and a PDF). Every successful charge — wallet top-up, subscription payment, extra
 * charge — writes one, paid, with its lines, in the same transaction as the charge's effect
 * ({@link #recordPaid}); the API reads them newest first.
 */
public final class Invoices {

    /** One line of an invoice: {@code amount} is the unit price. */
    public record Line(String description, int quantity, BigDecimal amount) {

        public BigDecimal total() {
            return amount.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** A stored invoice; its total is {@code amount}. */
    public record Invoice(String id, long accountId, String number, BigDecimal amount, String status, String description,
                          String paymentIntentId, Long subscriptionId, Instant createdAt, Instant paidAt) {
    }

    private static final String COLUMNS = "id, account_id, sequence, amount, status, description, payment_intent_id, "
            + "subscription_id, created_at, paid_at";

    private Invoices() {
    }

    /** A paid invoice for {@code lines}; returns its id ({@code in_...}). */
    public static String recordPaid(Connection db, long accountId, String description, List<Line> lines,
                                    String paymentIntentId, Long subscriptionId, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice needs at least one line");
        }
        BigDecimal total = lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        String id = StripeIds.next("in");
        // The account's invoice counter: no remembered answer depends on it (see WatchedTables).
        WatchedTables.unnoticed(() -> Sql.update(db, "UPDATE accounts SET invoices_issued = invoices_issued + 1 WHERE id = ?",
                accountId));
        long sequence = Sql.number(db, "SELECT invoices_issued FROM accounts WHERE id = ?", accountId).longValue();
        Sql.update(db, "INSERT INTO invoices (id, account_id, sequence, amount, status, description, payment_intent_id, "
                        + "subscription_id, created_at, paid_at) VALUES (?, ?, ?, ?, 'paid', ?, ?, ?, ?, ?)",
                id, accountId, sequence, total, description, paymentIntentId, subscriptionId, now, now);
        if (!lines.equals(List.of(impliedLine(description, total)))) {
            for (Line line : lines) {
                Sql.update(db, "INSERT INTO invoice_lines (invoice_id, description, quantity, amount) VALUES (?, ?, ?, ?)",
                        id, line.description(), line.quantity(), line.amount());
            }
        }
        return id;
    }

    /** A one-line paid invoice. */
    public static String recordPaid(Connection db, long accountId, String description, BigDecimal amount,
                                    String paymentIntentId, Long subscriptionId, Instant now) {
        return recordPaid(db, accountId, description, List.of(new Line(description, 1, amount)), paymentIntentId,
                subscriptionId, now);
    }

    /** The account's invoices, newest first. */
    public static List<Invoice> list(Connection db, long accountId) {
        return Sql.list(db, "SELECT " + COLUMNS + " FROM invoices WHERE account_id = ? ORDER BY created_at DESC, sequence DESC",
                Invoices::map, accountId);
    }

    public static long count(Connection db, long accountId) {
        // Invoices are never deleted: the count is the account's invoice sequence, kept rather than counted.
        return Sql.number(db, "SELECT invoices_issued FROM accounts WHERE id = ?", accountId).longValue();
    }

    public static Optional<Invoice> find(Connection db, String invoiceId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM invoices WHERE id = ?", Invoices::map, invoiceId);
    }

    /** One of the account's invoices; 404 {@code not_found} for an unknown id or another account's invoice. */
    public static Invoice owned(Connection db, long accountId, String invoiceId) {
        return find(db, invoiceId).filter(invoice -> invoice.accountId() == accountId)
                .orElseThrow(() -> new ApiProblem(404, "not_found", "No such invoice: " + invoiceId + ".",
                        Map.of("invoice_id", invoiceId)));
    }

    /**
     * The invoice's lines. An invoice of one line that is the invoice itself (its description, once, its
     * amount: every wallet top-up's) keeps no line of its own; every invoice has at least one line.
     */
    public static List<Line> lines(Connection db, Invoice invoice) {
        List<Line> stored = Sql.list(db, "SELECT description, quantity, amount FROM invoice_lines WHERE invoice_id = ? "
                + "ORDER BY id", row -> new Line(row.getString(1), row.getInt(2), row.getBigDecimal(3)), invoice.id());
        return stored.isEmpty() ? List.of(impliedLine(invoice.description(), invoice.amount())) : stored;
    }

    private static Line impliedLine(String description, BigDecimal amount) {
        return new Line(description, 1, amount);
    }

    /** The invoice's number: MLT, the account, and the invoice's place among the account's invoices. */
    static String number(long accountId, long sequence) {
        return String.format("MLT-%05d-%04d", accountId, sequence);
    }

    private static Invoice map(Row row) {
        long accountId = row.getLong("account_id");
        return new Invoice(row.getString("id"), accountId, number(accountId, row.getLong("sequence")),
                row.getBigDecimal("amount"), row.getString("status"), row.getString("description"),
                row.getString("payment_intent_id"), row.getObject("subscription_id", Long.class), row.instant("created_at"),
                row.instant("paid_at"));
    }
}
