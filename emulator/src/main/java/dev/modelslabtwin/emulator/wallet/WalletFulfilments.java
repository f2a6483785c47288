package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;

import java.util.Map;

/** What the wallet's payments do once they succeed: given to {@link PaymentIntents} where the emulator is put together. */
public final class WalletFulfilments {

    public static final Map<ChargePurpose, PaymentIntents.Fulfilment> ALL = Map.of(
            ChargePurpose.WALLET_FUNDING, Funding::fulfil,
            ChargePurpose.AUTO_FUNDING, AutoFunding::fulfil,
            ChargePurpose.COUPON_BONUS, Coupons::fulfil);

    private WalletFulfilments() {
    }
}
