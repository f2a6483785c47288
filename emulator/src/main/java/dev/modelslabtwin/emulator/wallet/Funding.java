package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.Invoices;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;

/**
 * Adding money to the wallet: by charging the card the request names (credited when the charge succeeds,
 * at once or after 3D Secure), or, with no card named, through a Checkout Session a person pays and the
 * agent then confirms. Each payment credits the wallet exactly once and gets a paid invoice.
 */
final class Funding {

    /** The ledger usecase of a top-up. */
    static final String USECASE = "wallet_funding";

    /** What a fund request did: a charge (succeeded, awaiting 3D Secure or declined) or a Checkout Session to pay. */
    record Outcome(BigDecimal amount, BigDecimal balance, PaymentIntents.PaymentIntent payment,
                   CheckoutSessions.Session checkout) {
    }

    /** What confirming a Checkout Session did. */
    record Confirmation(CheckoutSessions.Session session, boolean alreadyConfirmed, BigDecimal balance) {
    }

    private Funding() {
    }

    /**
     * Charges {@code paymentMethodId} once, as a PaymentIntent with the account's customer and no
     * {@code setup_future_usage}: the card is not saved to the account (see {@link PaymentMethods#named}).
     * Without a card, charges nothing and opens a Checkout Session. A declined charge is in the outcome,
     * its PaymentIntent kept.
     */
    static Outcome fund(Connection db, PaymentIntents intents, long accountId, BigDecimal amount, String paymentMethodId,
                        Instant now) {
        if (paymentMethodId == null) {
            CheckoutSessions.Session session = CheckoutSessions.create(db, accountId, CheckoutSessions.PURPOSE_FUND, amount,
                    null, null, null, now);
            return new Outcome(amount, Ledger.balance(db, accountId), null, session);
        }
        String card = PaymentMethods.named(db, accountId, paymentMethodId, now).id();
        PaymentIntents.PaymentIntent payment = intents.charge(db, accountId, card, amount, ChargePurpose.WALLET_FUNDING,
                null, now);
        return new Outcome(amount, Ledger.balance(db, accountId), payment, null);
    }

    /** The effect of a successful top-up charge: runs once, in the charge's transaction. */
    static void fulfil(Connection db, PaymentIntents.PaymentIntent payment, Instant now) {
        credit(db, payment.accountId(), payment.amount(), payment.id(), "Wallet funding by card", now);
    }

    /**
     * Credits a paid {@code fund} session the first time it is confirmed; later confirmations credit
     * nothing and say so. 404 for another account's session, 409 while unpaid or once expired.
     */
    static Confirmation confirmCheckout(Connection db, long accountId, String sessionId, Instant now) {
        CheckoutSessions.Session session = CheckoutSessions.owned(db, accountId, sessionId);
        if (!CheckoutSessions.PURPOSE_FUND.equals(session.purpose())) {
            throw new ApiProblem(409, "invalid_state", "Checkout Session " + sessionId + " pays for a subscription, "
                    + "not a wallet top-up: confirm it with POST /subscriptions/confirm-checkout.",
                    Map.of("session_id", sessionId, "purpose", session.purpose()));
        }
        boolean first = CheckoutSessions.claimFulfilment(db, session, now);
        if (first) {
            credit(db, accountId, session.amount(), session.paymentIntentId(), "Wallet funding by Checkout", now);
        }
        return new Confirmation(session, !first, Ledger.balance(db, accountId));
    }

    private static void credit(Connection db, long accountId, BigDecimal amount, String paymentIntentId, String description,
                               Instant now) {
        Ledger.credit(db, accountId, amount, new Ledger.Entry("stripe", paymentIntentId, USECASE, description), now);
        Invoices.recordPaid(db, accountId, "Wallet funding", amount, paymentIntentId, null, now);
    }
}
