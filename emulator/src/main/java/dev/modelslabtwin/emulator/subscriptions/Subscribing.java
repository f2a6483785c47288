package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.stripe.ChargePurpose;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.stripe.TestCards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starting a subscription: headless, by saving the card the request names and charging it the first
 * period (at once, or once a person passes 3D Secure), or, with no card named, through a Checkout Session
 * a person pays and the agent then confirms. Either way the first period gets a paid invoice, and one
 * payment starts at most one subscription.
 */
final class Subscribing {

    /**
     * What a subscribe request did: started a subscription, left its payment awaiting 3D Secure or
     * declined, or opened a Checkout.
     */
    record Outcome(StoredSubscription subscription, PaymentIntents.PaymentIntent payment,
                   CheckoutSessions.Session checkout) {
    }

    /** The subscription a confirmed Checkout Session started, and whether an earlier confirmation did. */
    record Confirmation(CheckoutSessions.Session session, StoredSubscription subscription, boolean alreadyConfirmed) {
    }

    /** What a subscribe request asks for; the return addresses are the Checkout page's. */
    record Request(long planId, String paymentMethodId, String successUrl, String cancelUrl) {
    }

    private Subscribing() {
    }

    /**
     * With {@code payment_method_id}: saves the card to the account (Stripe requires a subscription's card
     * to be attached to the customer) and charges it; a card Stripe refuses to attach is declined with a
     * failed PaymentIntent recorded, and nothing saved. Without: charges nothing and opens a Checkout
     * Session. A declined charge is in the outcome, its PaymentIntent kept.
     */
    static Outcome subscribe(Connection db, PaymentIntents intents, long accountId, Request request, Instant now) {
        Plans.Plan plan = Plans.requested(db, request.planId(), "plan_id");
        SubscriptionStates.refuseSecondOnPlan(db, accountId, plan);
        if (request.paymentMethodId() == null) {
            return new Outcome(null, null, CheckoutSessions.create(db, accountId, CheckoutSessions.PURPOSE_SUBSCRIBE,
                    plan.price(), plan.id(), request.successUrl(), request.cancelUrl(), now));
        }
        PaymentMethods.Card card = PaymentMethods.named(db, accountId, request.paymentMethodId(), now);
        cancelUnfinishedAttempts(db, intents, accountId, plan, now);
        TestCards.Decline refusal = card.declineOnAttach();
        if (refusal != null) {
            return new Outcome(null, intents.declinedAtAttach(db, accountId, card, plan.price(), ChargePurpose.SUBSCRIPTION,
                    String.valueOf(plan.id()), refusal, now), null);
        }
        String saved = PaymentMethods.save(db, accountId, card, false, null, now).id();
        PaymentIntents.PaymentIntent payment = intents.charge(db, accountId, saved, plan.price(), ChargePurpose.SUBSCRIPTION,
                String.valueOf(plan.id()), now);
        return new Outcome(Subscriptions.openedBy(db, payment.id()).orElse(null), payment, null);
    }

    /** The effect of a successful first payment, at once or after 3D Secure: the subscription starts. */
    static void fulfil(Connection db, PaymentIntents.PaymentIntent payment, Instant now) {
        Plans.Plan plan = Plans.existing(db, Long.parseLong(payment.reference()));
        start(db, payment.accountId(), plan, payment.amount(), payment.paymentMethodId(), payment.id(), null, now);
    }

    /**
     * Starts the subscription a paid {@code subscribe} session bought, the first time it is confirmed;
     * later confirmations answer the same subscription. 404 for another account's session, 409 while
     * unpaid, once expired, or for a wallet top-up's session.
     */
    static Confirmation confirmCheckout(Connection db, PaymentIntents intents, long accountId, String sessionId,
                                        Instant now) {
        CheckoutSessions.Session session = CheckoutSessions.owned(db, accountId, sessionId);
        if (!CheckoutSessions.PURPOSE_SUBSCRIBE.equals(session.purpose()) || session.planId() == null) {
            throw new ApiProblem(409, "invalid_state", "Checkout Session " + sessionId + " pays for a wallet top-up, "
                    + "not a subscription: confirm it with POST /wallet/confirm-checkout.",
                    Map.of("session_id", sessionId, "purpose", session.purpose()));
        }
        if (!CheckoutSessions.claimFulfilment(db, session, now)) {
            StoredSubscription started = Subscriptions.startedBy(db, sessionId).orElseThrow(() -> new ApiProblem(409,
                    "invalid_state", "Checkout Session " + sessionId + " was already fulfilled.",
                    Map.of("session_id", sessionId)));
            return new Confirmation(session, started, true);
        }
        PaymentIntents.PaymentIntent payment = intents.find(db, session.paymentIntentId()).orElseThrow(
                () -> new IllegalStateException("paid session " + sessionId + " has no payment"));
        String card = keepCheckoutCard(db, accountId, payment, now);
        StoredSubscription subscription = start(db, accountId, Plans.existing(db, session.planId()), session.amount(),
                card, payment.id(), sessionId, now);
        return new Confirmation(session, subscription, false);
    }

    private static StoredSubscription start(Connection db, long accountId, Plans.Plan plan, BigDecimal paid, String card,
                                            String paymentIntentId, String checkoutSessionId, Instant now) {
        StoredSubscription subscription = Subscriptions.start(db, accountId, plan, card, paymentIntentId,
                checkoutSessionId, now);
        Bill first = new Bill(subscription.id(), List.of(SubscriptionInvoices.period(plan, subscription.periodStart(),
                subscription.periodEnd(), paid)));
        SubscriptionInvoices.settle(db, subscription, first, plan, paymentIntentId, now);
        return subscription;
    }

    /**
     * Checkout in subscription mode saves the card the person paid with to the customer, so renewals can
     * charge it off-session.
     */
    private static String keepCheckoutCard(Connection db, long accountId, PaymentIntents.PaymentIntent payment,
                                           Instant now) {
        Optional<PaymentMethods.Card> card = PaymentMethods.find(db, payment.paymentMethodId());
        if (card.isPresent() && !card.get().saved()) {
            return PaymentMethods.save(db, accountId, card.get(), false, payment.id(), now).id();
        }
        return payment.paymentMethodId();
    }

    /** An earlier attempt at this plan still awaiting 3D Secure is dropped, so a person cannot pay for the plan twice. */
    private static void cancelUnfinishedAttempts(Connection db, PaymentIntents intents, long accountId, Plans.Plan plan,
                                                 Instant now) {
        for (PaymentIntents.PaymentIntent attempt : intents.awaitingAuthentication(db, ChargePurpose.SUBSCRIPTION)) {
            if (attempt.accountId() == accountId && String.valueOf(plan.id()).equals(attempt.reference())) {
                intents.cancel(db, attempt.id(), now);
            }
        }
    }
}
