package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.StripeIds;

import java.math.BigDecimal;
import java.sql.Connection;

import java.time.Instant;
import java.util.Map;

/**
 * Resellers paying their wallet out: a debit with usecase {@code withdrawal} whose reference is the
 * payout ({@code po_...}). Withdrawals never trigger auto-funding: topping a wallet up from a card
 * to pay it out would turn card charges into payouts.
 */
final class Withdrawals {

    private Withdrawals() {
    }

    static Ledger.Movement withdraw(Connection db, long accountId, BigDecimal amount, Instant now) {
        boolean reseller = Accounts.find(db, accountId).map(Accounts.Account::reseller).orElse(false);
        if (!reseller) {
            throw new ApiProblem(403, "reseller_only", "Withdrawals are available to reseller accounts only.", Map.of());
        }
        return Ledger.debit(db, accountId, amount, new Ledger.Entry("withdrawal", StripeIds.next("po"), "withdrawal",
                "Withdrawal to the reseller's payout account"), now);
    }
}
