package dev.modelslabtwin.emulator.stripe;

/**
 * What a PaymentIntent pays for, stored with it under its wire name. Each purpose whose effect follows
 * the charge's success (at once, or after 3D Secure a person completes later) has one
 * {@link PaymentIntents.Fulfilment}, given to {@link PaymentIntents} where the emulator is put together;
 * the others are charged off-session, where their caller does what the payment is for in the same
 * transaction.
 */
public enum ChargePurpose {

    /** A wallet top-up by card. */
    WALLET_FUNDING("wallet_funding", true),
    /** An automatic top-up, off-session. */
    AUTO_FUNDING("auto_funding", true),
    /** A purchase made with a bonus coupon. */
    COUPON_BONUS("coupon_bonus", true),
    /** A Checkout Session paid on the hosted page: the session is paid, confirm-checkout does the rest. */
    CHECKOUT("checkout", true),
    /** A subscription's first payment. */
    SUBSCRIPTION("subscription", true),
    /** A past-due subscription's owed amount, charged again. */
    SUBSCRIPTION_RECOVERY("subscription_recovery", true),
    /** {@code POST /subscriptions/charge-amount}. */
    SUBSCRIPTION_CHARGE("subscription_charge", true),
    /** A renewal, off-session: the renewal settles its invoice itself. */
    SUBSCRIPTION_RENEWAL("subscription_renewal", false),
    /** A restarted billing cycle, off-session: the restart settles its invoice itself. */
    SUBSCRIPTION_UPDATE("subscription_update", false);

    private final String wireName;
    private final boolean fulfilledOnSuccess;

    ChargePurpose(String wireName, boolean fulfilledOnSuccess) {
        this.wireName = wireName;
        this.fulfilledOnSuccess = fulfilledOnSuccess;
    }

    /** The name stored with the PaymentIntent and shown as a payment's {@code purpose}. */
    public String wireName() {
        return wireName;
    }

    /** Whether a {@link PaymentIntents.Fulfilment} does what a successful charge pays for. */
    public boolean fulfilledOnSuccess() {
        return fulfilledOnSuccess;
    }

    public static ChargePurpose fromWireName(String wireName) {
        for (ChargePurpose purpose : values()) {
            if (purpose.wireName.equals(wireName)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("no payment purpose " + wireName);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
