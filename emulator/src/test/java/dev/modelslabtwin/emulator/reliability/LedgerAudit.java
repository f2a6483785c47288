package dev.modelslabtwin.emulator.reliability;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the database as an auditor would, straight with SQL: every wallet's balance and totals equal
 * the sums of its successful ledger entries, and every succeeded payment that credits a wallet is in the
 * ledger exactly once (and nothing credited from a card that was not charged). Each finding is a line.
 */
final class LedgerAudit {

    /** The PaymentIntent purposes whose success credits the wallet (each with exactly one ledger credit). */
    static final List<String> CREDITING_PURPOSES = List.of("wallet_funding", "auto_funding", "coupon_bonus", "subscription_charge");

    /** What the audit found: how much it looked at, and every discrepancy. */
    record Findings(int wallets, int entries, List<String> discrepancies) {
    }

    private LedgerAudit() {
    }

    static Findings audit(Connection db) throws SQLException {
        List<String> discrepancies = new ArrayList<>();
        int wallets = 0;
        try (Statement sql = db.createStatement()) {
            try (ResultSet row = sql.executeQuery("SELECT w.account_id, w.balance, w.total_credited, w.amount_used, "
                    + "COALESCE(SUM(CASE WHEN l.type = 'credit' AND l.status = 'success' THEN l.amount END), 0), "
                    + "COALESCE(SUM(CASE WHEN l.type = 'debit' AND l.status = 'success' THEN l.amount END), 0) "
                    + "FROM wallets w LEFT JOIN ledger_entries l ON l.account_id = w.account_id "
                    + "GROUP BY w.account_id, w.balance, w.total_credited, w.amount_used ORDER BY w.account_id")) {
                while (row.next()) {
                    wallets++;
                    long account = row.getLong(1);
                    BigDecimal balance = row.getBigDecimal(2);
                    BigDecimal credits = row.getBigDecimal(5);
                    BigDecimal debits = row.getBigDecimal(6);
                    if (balance.compareTo(credits.subtract(debits)) != 0) {
                        discrepancies.add("account " + account + ": balance " + balance + " but ledger credits " + credits
                                + " - debits " + debits + " = " + credits.subtract(debits));
                    }
                    if (row.getBigDecimal(3).compareTo(credits) != 0) {
                        discrepancies.add("account " + account + ": total_credited " + row.getBigDecimal(3) + " but credits " + credits);
                    }
                    if (row.getBigDecimal(4).compareTo(debits) != 0) {
                        discrepancies.add("account " + account + ": amount_used " + row.getBigDecimal(4) + " but debits " + debits);
                    }
                }
            }
            String purposes = "('" + String.join("', '", CREDITING_PURPOSES) + "')";
            try (ResultSet row = sql.executeQuery("SELECT p.id, p.purpose, p.amount, COUNT(l.id), COALESCE(SUM(l.amount), 0) "
                    + "FROM payment_intents p LEFT JOIN ledger_entries l ON l.transaction_id = p.id AND l.type = 'credit' "
                    + "AND l.status = 'success' AND l.source = 'stripe' "
                    + "WHERE p.status = 'succeeded' AND p.purpose IN " + purposes + " GROUP BY p.id, p.purpose, p.amount")) {
                while (row.next()) {
                    if (row.getInt(4) != 1 || row.getBigDecimal(5).compareTo(row.getBigDecimal(3)) != 0) {
                        discrepancies.add("payment " + row.getString(1) + " (" + row.getString(2) + ", " + row.getBigDecimal(3)
                                + ") succeeded and is credited " + row.getInt(4) + " times, " + row.getBigDecimal(5) + " in all");
                    }
                }
            }
            try (ResultSet row = sql.executeQuery("SELECT l.id, l.transaction_id, p.status FROM ledger_entries l "
                    + "LEFT JOIN payment_intents p ON p.id = l.transaction_id "
                    + "WHERE l.source = 'stripe' AND l.status = 'success' AND (p.id IS NULL OR p.status <> 'succeeded')")) {
                while (row.next()) {
                    discrepancies.add("ledger entry " + row.getLong(1) + " credits payment " + row.getString(2)
                            + " whose status is " + row.getString(3));
                }
            }
            try (ResultSet row = sql.executeQuery("SELECT r.coupon_code, r.account_id, COUNT(l.id) FROM coupon_redemptions r "
                    + "LEFT JOIN ledger_entries l ON l.account_id = r.account_id AND l.source = 'coupon' "
                    + "AND UPPER(l.transaction_id) = UPPER(r.coupon_code) AND l.status = 'success' "
                    + "GROUP BY r.coupon_code, r.account_id HAVING COUNT(l.id) <> 1")) {
                while (row.next()) {
                    discrepancies.add("coupon " + row.getString(1) + " redeemed by account " + row.getLong(2) + " is credited "
                            + row.getInt(3) + " times");
                }
            }
            try (ResultSet row = sql.executeQuery("SELECT l.transaction_id, l.account_id, COUNT(*) FROM ledger_entries l "
                    + "WHERE l.source = 'coupon' AND l.status = 'success' AND NOT EXISTS (SELECT 1 FROM coupon_redemptions r "
                    + "WHERE r.account_id = l.account_id AND UPPER(r.coupon_code) = UPPER(l.transaction_id)) "
                    + "GROUP BY l.transaction_id, l.account_id")) {
                while (row.next()) {
                    discrepancies.add("coupon " + row.getString(1) + " credited to account " + row.getLong(2) + " "
                            + row.getInt(3) + " times without a redemption");
                }
            }
        }
        return new Findings(wallets, count(db, "SELECT COUNT(*) FROM ledger_entries"), discrepancies);
    }

    static int count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
