package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.client.model.TransactionType;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.stripe.Invoices;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Automatic top-ups: once enabled, a usage debit that leaves the balance below the threshold charges
 * the account's default card the set amount, off-session (no person is there to pass 3D Secure). A
 * charge that fails is recorded as a {@code failed} ledger entry and never undoes the debit.
 */
public final class AutoFunding {

    /** The ledger usecase of an automatic top-up. */
    static final String USECASE = "auto_funding";

    /** The wallet's settings; amounts are null while disabled. */
    public record Settings(boolean enabled, BigDecimal amount, BigDecimal threshold) {

        boolean triggeredBy(BigDecimal balance) {
            return enabled && balance.compareTo(threshold) < 0;
        }
    }

    /**
     * What an automatic charge did: {@code paymentIntentId} is null when there was no card to charge;
     * {@code declineCode} says why it failed ({@code no_payment_method} without a card).
     */
    public record Charge(String paymentIntentId, BigDecimal amount, boolean succeeded, String declineCode) {
    }

    private AutoFunding() {
    }

    static Settings settings(Connection db, long accountId) {
        return Sql.one(db, "SELECT auto_funding_enabled, auto_charge_amount, charge_threshold FROM wallets WHERE account_id = ?",
                row -> new Settings(row.getBoolean(1), row.getBigDecimal(2), row.getBigDecimal(3)), accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " has no wallet"));
    }

    /** Turns auto-funding on; it needs a saved card to charge. Returns the card it will charge. */
    static String enable(Connection db, long accountId, BigDecimal amount, BigDecimal threshold) {
        String card = PaymentMethods.defaultFor(db, accountId).map(PaymentMethods.Card::id).orElseThrow(() ->
                ApiProblem.validation(Map.of("payment_method_id", List.of(
                        "Auto-funding needs a saved card to charge: attach one with POST /billing/payment-methods."))));
        Sql.update(db, "UPDATE wallets SET auto_funding_enabled = TRUE, auto_charge_amount = ?, charge_threshold = ? "
                + "WHERE account_id = ?", amount, threshold, accountId);
        return card;
    }

    static void disable(Connection db, long accountId) {
        Sql.update(db, "UPDATE wallets SET auto_funding_enabled = FALSE, auto_charge_amount = NULL, charge_threshold = NULL "
                + "WHERE account_id = ?", accountId);
    }

    /**
     * Charges the default card {@code settings.amount()}; the wallet is credited by {@link #fulfil}.
     * A failure (declined, needs 3D Secure, no card) is recorded and returned, never thrown.
     */
    static Charge charge(Connection db, PaymentIntents intents, long accountId, Settings settings, Instant now) {
        Optional<PaymentMethods.Card> card = PaymentMethods.defaultFor(db, accountId);
        if (card.isEmpty()) {
            Ledger.failed(db, accountId, TransactionType.CREDIT, settings.amount(),
                    new Ledger.Entry("stripe", null, USECASE, "Auto-funding failed: no saved card to charge"), now);
            return new Charge(null, settings.amount(), false, "no_payment_method");
        }
        PaymentIntents.PaymentIntent payment = intents.chargeWithoutAuthentication(db, accountId, card.get().id(),
                settings.amount(), ChargePurpose.AUTO_FUNDING, null, now);
        if (payment.declined()) {
            Ledger.failed(db, accountId, TransactionType.CREDIT, settings.amount(), new Ledger.Entry("stripe", payment.id(),
                    USECASE, "Auto-funding charge declined (" + payment.declineCode() + ")"), now);
            return new Charge(payment.id(), settings.amount(), false, payment.declineCode());
        }
        return new Charge(payment.id(), settings.amount(), true, null);
    }

    /**
     * Tops up every wallet whose auto-funding is on and whose balance is below its threshold, one charge
     * attempt each: what the live API's periodic check would have done while emulated time passed. (A
     * wallet gets there when a charge after a debit failed, or when auto-funding was switched on
     * below the threshold.) Each wallet in its own transaction; a failed charge is recorded as usual.
     * Returns how many charges were attempted.
     */
    public static int topUpLowWallets(Services services, PaymentIntents intents, Instant now) {
        List<Long> low = services.database().transaction(db -> Sql.list(db, "SELECT account_id FROM wallets "
                + "WHERE auto_funding_enabled AND balance < charge_threshold ORDER BY account_id", row -> row.getLong(1)));
        int attempts = 0;
        for (long accountId : low) {
            attempts += services.database().transaction(db -> {
                BigDecimal balance = Sql.one(db, "SELECT balance FROM wallets WHERE account_id = ? FOR UPDATE",
                        row -> row.getBigDecimal(1), accountId).orElseThrow();
                Settings settings = settings(db, accountId);
                if (!settings.triggeredBy(balance)) {
                    return 0;
                }
                charge(db, intents, accountId, settings, now);
                return 1;
            });
        }
        return attempts;
    }

    /** The effect of a successful automatic charge: runs once, in the charge's transaction. */
    static void fulfil(Connection db, PaymentIntents.PaymentIntent payment, Instant now) {
        Ledger.credit(db, payment.accountId(), payment.amount(),
                new Ledger.Entry("stripe", payment.id(), USECASE, "Auto-funding top-up"), now);
        Invoices.recordPaid(db, payment.accountId(), "Wallet auto-funding", payment.amount(), payment.id(), null, now);
    }
}
