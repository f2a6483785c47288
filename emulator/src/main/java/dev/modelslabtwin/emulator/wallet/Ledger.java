package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.client.model.TransactionStatus;
import dev.modelslabtwin.client.model.TransactionType;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;

/**
 * The only code that moves a wallet's balance: every change writes its ledger entry on the same
 * connection, so both land in the caller's transaction or neither does.
 */
public final class Ledger {

    /** What a movement wrote: the ledger entry's id and the balance after it. */
    public record Movement(long entryId, BigDecimal balance) {
    }

    /** Describes a movement: where the money came from or went, and why. */
    public record Entry(String source, String transactionId, String usecase, String description) {
    }

    private Ledger() {
    }

    public static BigDecimal balance(Connection db, long accountId) {
        return Sql.one(db, "SELECT balance FROM wallets WHERE account_id = ?", row -> row.getBigDecimal(1), accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " has no wallet"));
    }

    public static Movement credit(Connection db, long accountId, BigDecimal amount, Entry entry, Instant now) {
        requirePositive(amount);
        Sql.update(db, "UPDATE wallets SET balance = balance + ?, total_credited = total_credited + ? WHERE account_id = ?",
                amount, amount, accountId);
        return record(db, accountId, TransactionType.CREDIT, TransactionStatus.SUCCESS, amount, entry, now);
    }

    /**
     * Takes {@code amount} from the wallet; 422 {@code insufficient_balance} when the balance is smaller
     * (nothing is written then). Auto-funding is not this class's concern: see {@code AutoFunding}.
     */
    public static Movement debit(Connection db, long accountId, BigDecimal amount, Entry entry, Instant now) {
        requirePositive(amount);
        BigDecimal balance = Sql.one(db, "SELECT balance FROM wallets WHERE account_id = ? FOR UPDATE",
                row -> row.getBigDecimal(1), accountId).orElseThrow(() -> new IllegalStateException("no wallet for " + accountId));
        if (balance.compareTo(amount) < 0) {
            throw new ApiProblem(422, "insufficient_balance", "The wallet balance is too low for this amount.",
                    Map.of("balance", balance, "requested", amount));
        }
        Sql.update(db, "UPDATE wallets SET balance = balance - ?, amount_used = amount_used + ? WHERE account_id = ?",
                amount, amount, accountId);
        return record(db, accountId, TransactionType.DEBIT, TransactionStatus.SUCCESS, amount, entry, now);
    }

    /**
     * Records a movement that was attempted and did not happen (a declined automatic top-up): listed
     * in the ledger with status {@code failed}, the balance and totals untouched.
     */
    public static Movement failed(Connection db, long accountId, TransactionType type, BigDecimal amount, Entry entry,
                                  Instant now) {
        requirePositive(amount);
        return record(db, accountId, type, TransactionStatus.FAILED, amount, entry, now);
    }

    /**
     * Writes the entry with its position among the account's entries and among those of its type (the
     * wallet keeps the counts), so that reading the ledger never counts or skips entries.
     */
    private static Movement record(Connection db, long accountId, TransactionType type, TransactionStatus status,
                                   BigDecimal amount, Entry entry, Instant now) {
        boolean credit = type == TransactionType.CREDIT;
        Sql.update(db, "UPDATE wallets SET ledger_entries = ledger_entries + 1, credit_entries = credit_entries + ?, "
                + "debit_entries = debit_entries + ? WHERE account_id = ?", credit ? 1 : 0, credit ? 0 : 1, accountId);
        Counted counted = Sql.one(db, "SELECT balance, ledger_entries, credit_entries, debit_entries FROM wallets "
                + "WHERE account_id = ?", row -> new Counted(row.getBigDecimal(1), row.getLong(2),
                credit ? row.getLong(3) : row.getLong(4)), accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " has no wallet"));
        long id = Sql.insert(db, "INSERT INTO ledger_entries (account_id, type, source, transaction_id, amount, status, usecase, "
                        + "description, created_at, account_position, type_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                accountId, type, entry.source(), entry.transactionId(), amount, status, entry.usecase(), entry.description(), now,
                counted.position(), counted.typePosition());
        return new Movement(id, counted.balance());
    }

    private record Counted(BigDecimal balance, long position, long typePosition) {
    }

    private static void requirePositive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("a ledger movement needs a positive amount, not " + amount);
        }
    }
}
