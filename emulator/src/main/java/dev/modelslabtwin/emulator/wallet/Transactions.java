package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.client.model.TransactionStatus;
import dev.modelslabtwin.client.model.TransactionType;
import dev.modelslabtwin.emulator.db.Sql;

import dev.modelslabtwin.emulator.db.Row;
import java.math.BigDecimal;
import java.sql.Connection;

import java.time.Instant;
import java.util.List;

/** Reading the ledger: pages of entries, newest first, and the wallet's running totals. */
final class Transactions {

    /** One ledger entry. */
    record Entry(long id, TransactionType type, String source, String transactionId, BigDecimal amount,
                 TransactionStatus status, String usecase, String description, Instant createdAt) {
    }

    record Totals(BigDecimal balance, BigDecimal totalCredited, BigDecimal amountUsed) {
    }

    /** {@code total} counts every entry the filter matches, not only this page's. */
    record Page(List<Entry> items, long total, Totals totals) {
    }

    private Transactions() {
    }

    /**
     * {@code type} null: both credits and debits. The page is found by the entries' positions (the
     * newest entry's is the count), so a page far back reads no more than the newest.
     */
    static Page page(Connection db, long accountId, TransactionType type, int limit, int offset) {
        Counts counts = counts(db, accountId);
        long total = type == null ? counts.entries() : type == TransactionType.CREDIT ? counts.credits() : counts.debits();
        long newestOnPage = total - offset;
        long oldestOnPage = newestOnPage - limit + 1;
        String columns = "SELECT id, type, source, transaction_id, amount, status, usecase, description, created_at "
                + "FROM ledger_entries WHERE account_id = ? ";
        // A range of positions rather than a LIMIT: H2 reads the range's rows from the index and no others.
        List<Entry> items = newestOnPage <= 0 ? List.of() : type == null
                ? Sql.list(db, columns + "AND account_position BETWEEN ? AND ? ORDER BY account_position DESC",
                        Transactions::map, accountId, oldestOnPage, newestOnPage)
                : Sql.list(db, columns + "AND type = ? AND type_position BETWEEN ? AND ? ORDER BY type_position DESC",
                        Transactions::map, accountId, type, oldestOnPage, newestOnPage);
        return new Page(items, total, counts.totals());
    }

    private record Counts(Totals totals, long entries, long credits, long debits) {
    }

    private static Counts counts(Connection db, long accountId) {
        return Sql.one(db, "SELECT balance, total_credited, amount_used, ledger_entries, credit_entries, debit_entries "
                        + "FROM wallets WHERE account_id = ?",
                row -> new Counts(new Totals(row.getBigDecimal(1), row.getBigDecimal(2), row.getBigDecimal(3)),
                        row.getLong(4), row.getLong(5), row.getLong(6)), accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " has no wallet"));
    }

    static Totals totals(Connection db, long accountId) {
        return Sql.one(db, "SELECT balance, total_credited, amount_used FROM wallets WHERE account_id = ?",
                row -> new Totals(row.getBigDecimal(1), row.getBigDecimal(2), row.getBigDecimal(3)), accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " has no wallet"));
    }

    private static Entry map(Row row) {
        return new Entry(row.getLong("id"), TransactionType.fromValue(row.getString("type")), row.getString("source"),
                row.getString("transaction_id"), row.getBigDecimal("amount"), TransactionStatus.fromValue(row.getString("status")), row.getString("usecase"), row.getString("description"),
                row.instant("created_at"));
    }
}
