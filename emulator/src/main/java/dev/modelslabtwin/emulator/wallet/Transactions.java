package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.client.model.TransactionStatus;
import dev.modelslabtwin.client.model.TransactionType;
import dev.modelslabtwin.emulator.db.Sql;

import dev.modelslabtwin.emulator.db.Row;
import java.math.BigDecimal;
import java.sql.Connection;

import java.time.Instant;
import java.util.Arrays;
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

    /** {@code type} null: both credits and debits. */
    static Page page(Connection db, long accountId, TransactionType type, int limit, int offset) {
        String filter = "FROM ledger_entries WHERE account_id = ?" + (type == null ? "" : " AND type = ?");
        Object[] parameters = type == null ? new Object[] {accountId} : new Object[] {accountId, type};
        long total = Sql.number(db, "SELECT COUNT(*) " + filter, parameters).longValue();
        Object[] paged = Arrays.copyOf(parameters, parameters.length + 2);
        paged[parameters.length] = limit;
        paged[parameters.length + 1] = offset;
        List<Entry> items = Sql.list(db, "SELECT id, type, source, transaction_id, amount, status, usecase, description, "
                + "created_at " + filter + " ORDER BY id DESC LIMIT ? OFFSET ?", Transactions::map, paged);
        return new Page(items, total, totals(db, accountId));
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
