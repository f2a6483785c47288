package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.Invoices;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.wallet.Ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;

/**
 * {@code POST /subscriptions/charge-amount}: a custom charge on a card, credited to the wallet as a
 * subscription top-up with a paid invoice, once the charge succeeds (at once, or after a person passes
 * 3D Secure).
 */
final class ExtraCharges {

    private static final String USECASE = "subscription";

    /** What a charge did: the PaymentIntent, the wallet balance after it, and its invoice once paid. */
    record Outcome(PaymentIntents.PaymentIntent payment, BigDecimal balance, String invoiceId) {
    }

    private ExtraCharges() {
    }

    /**
     * Charges {@code paymentMethodId} once, without saving it (as funding does), else the default card;
     * 422 without either. A declined charge is in the outcome, its PaymentIntent kept.
     */
    static Outcome charge(Connection db, PaymentIntents intents, long accountId, BigDecimal amount, String paymentMethodId,
                          Instant now) {
        String card = paymentMethodId != null ? PaymentMethods.named(db, accountId, paymentMethodId, now).id()
                : PaymentMethods.defaultFor(db, accountId).map(PaymentMethods.Card::id)
                .orElseThrow(SubscriptionCards::noCard);
        PaymentIntents.PaymentIntent payment = intents.charge(db, accountId, card, amount, ChargePurpose.SUBSCRIPTION_CHARGE, null, now);
        String invoice = Sql.one(db, "SELECT id FROM invoices WHERE payment_intent_id = ?", row -> row.getString(1),
                payment.id()).orElse(null);
        return new Outcome(payment, Ledger.balance(db, accountId), invoice);
    }

    /** The effect of a successful custom charge: runs once, in the charge's transaction. */
    static void fulfil(Connection db, PaymentIntents.PaymentIntent payment, Instant now) {
        Ledger.credit(db, payment.accountId(), payment.amount(), new Ledger.Entry("stripe", payment.id(), USECASE,
                "Subscription charge credited to the wallet"), now);
        Invoices.recordPaid(db, payment.accountId(), "Subscription charge", payment.amount(), payment.id(), null, now);
    }
}
