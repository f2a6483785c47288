package dev.modelslabtwin.emulator.wallet;

import java.math.BigDecimal;
import java.sql.Connection;


/**
 * The wallet at a glance, for other capabilities' views (the billing overview): balance, what was
 * ever credited and spent, and the auto-funding settings (amounts null while disabled).
 */
public record WalletSummary(BigDecimal balance, BigDecimal totalCredited, BigDecimal amountUsed, boolean autoFundingEnabled,
                            BigDecimal autoChargeAmount, BigDecimal chargeThreshold) {

    public static WalletSummary of(Connection db, long accountId) {
        Transactions.Totals totals = Transactions.totals(db, accountId);
        AutoFunding.Settings autoFunding = AutoFunding.settings(db, accountId);
        return new WalletSummary(totals.balance(), totals.totalCredited(), totals.amountUsed(), autoFunding.enabled(),
                autoFunding.amount(), autoFunding.threshold());
    }
}
