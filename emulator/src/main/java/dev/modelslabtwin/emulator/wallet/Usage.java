package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;

import java.math.BigDecimal;
import java.sql.Connection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spending from the wallet on ModelsLab usage (what the control API exposes to tests): a debit with
 * usecase {@code usage}, and the auto-funding it triggers, in one transaction.
 */
public final class Usage {

    /**
     * What spending did: the debit's ledger entry, the balance after everything, and the automatic
     * top-up it triggered (null when none was attempted).
     */
    public record Spent(long transactionId, BigDecimal amount, BigDecimal balance, AutoFunding.Charge autoFunding) {
    }

    private Usage() {
    }

    /**
     * Debits {@code amount}. When the balance is too low, auto-funding (if enabled and its amount would
     * cover the shortfall) charges first; otherwise, or when that charge fails, 422
     * {@code insufficient_balance}. When the debit leaves the balance below the threshold, the default
     * card is charged — at most one automatic charge per spend, and a failed one keeps the debit.
     */
    public static Spent spend(Services services, PaymentIntents intents, long accountId, BigDecimal amount,
                              String description) {
        BigDecimal cents = requireAmount(amount);
        String what = description == null || description.isBlank() ? "Usage" : description;
        // A failed top-up is kept (its PaymentIntent and failed ledger entry) and then refused.
        record Attempt(Spent spent, ApiProblem refusal) {
        }
        Attempt attempt = services.database().transaction(db -> {
            Instant now = services.clock().instant();
            BigDecimal balance = lockedBalance(db, accountId);
            AutoFunding.Settings settings = AutoFunding.settings(db, accountId);
            AutoFunding.Charge topUp = null;
            if (balance.compareTo(cents) < 0 && settings.enabled()
                    && balance.add(settings.amount()).compareTo(cents) >= 0) {
                topUp = AutoFunding.charge(db, intents, accountId, settings, now);
                if (!topUp.succeeded()) {
                    return new Attempt(null, insufficientAfterFailedTopUp(balance, cents, topUp));
                }
            }
            Ledger.Movement debit = Ledger.debit(db, accountId, cents, new Ledger.Entry("wallet", null, "usage", what), now);
            if (topUp == null && settings.triggeredBy(debit.balance())) {
                topUp = AutoFunding.charge(db, intents, accountId, settings, now);
            }
            return new Attempt(new Spent(debit.entryId(), cents, Ledger.balance(db, accountId), topUp), null);
        });
        if (attempt.refusal() != null) {
            throw attempt.refusal();
        }
        return attempt.spent();
    }

    private static BigDecimal requireAmount(BigDecimal amount) {
        // Beyond twelve digits before the point no wallet column can hold it (and 1e999999999 would
        // take the JVM's memory to write out to the cent).
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.precision() - amount.scale() > 12) {
            throw ApiProblem.validation(Map.of("amount", List.of("The amount must be a positive number of cents.")));
        }
        return Money.usd(amount);
    }

    private static BigDecimal lockedBalance(Connection db, long accountId) {
        return Sql.one(db, "SELECT balance FROM wallets WHERE account_id = ? FOR UPDATE", row -> row.getBigDecimal(1), accountId)
                .orElseThrow(() -> new ApiProblem(404, "not_found", "No such account: " + accountId + ".",
                        Map.of("account_id", accountId)));
    }

    private static ApiProblem insufficientAfterFailedTopUp(BigDecimal balance, BigDecimal requested, AutoFunding.Charge topUp) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("balance", balance);
        details.put("requested", requested);
        details.put("auto_funding_decline_code", topUp.declineCode());
        if (topUp.paymentIntentId() != null) {
            details.put("payment_intent_id", topUp.paymentIntentId());
        }
        return new ApiProblem(422, "insufficient_balance",
                "The wallet balance is too low for this amount and the auto-funding charge failed.", details);
    }
}
