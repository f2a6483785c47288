package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;

import java.util.Map;

/**
 * What subscription payments made on-session do once they succeed (at once, or after 3D Secure): given to
 * {@link PaymentIntents} where the emulator is put together. Renewals and restarted cycles are charged
 * off-session and settle their invoices themselves.
 */
public final class SubscriptionFulfilments {

    public static final Map<ChargePurpose, PaymentIntents.Fulfilment> ALL = Map.of(
            ChargePurpose.SUBSCRIPTION, Subscribing::fulfil,
            ChargePurpose.SUBSCRIPTION_RECOVERY, PaymentRecovery::fulfil,
            ChargePurpose.SUBSCRIPTION_CHARGE, ExtraCharges::fulfil);

    private SubscriptionFulfilments() {
    }
}
