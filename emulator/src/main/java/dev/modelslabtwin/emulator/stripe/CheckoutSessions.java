package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import dev.modelslabtwin.emulator.db.Row;
import java.math.BigDecimal;
import java.sql.Connection;


import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe Checkout Sessions: a hosted page where a person pays for a wallet top-up or a plan. Payment
 * links make them, and so do {@code POST /wallet/fund} and {@code POST /subscriptions} without a card. A
 * session is {@code open} until paid ({@code complete}) or until {@code expires_at} passes
 * ({@code expired}); the API's confirm-checkout calls then fulfil a paid session exactly once.
 */
public final class CheckoutSessions {

    /**
     * How long a session stays open: the published payment-link example's {@code expires_at} reads as half
     * an hour after its request, and 30 minutes is the shortest {@code expires_at} Stripe allows (its
     * default is 24 hours), so the stricter reading.
     */
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    public static final String PURPOSE_FUND = "fund";
    public static final String PURPOSE_SUBSCRIBE = "subscribe";
    /** A paid Checkout payment marks its session paid; what it pays for waits for confirm-checkout. */
    public static final Map<ChargePurpose, PaymentIntents.Fulfilment> FULFILMENTS =
            Map.of(ChargePurpose.CHECKOUT, CheckoutSessions::markPaid);

    /** A stored session; {@link #status(Instant)} says whether it is open, complete or expired. */
    public record Session(String id, long accountId, String purpose, BigDecimal amount, Long planId, String paymentStatus,
                          String paymentIntentId, String successUrl, String cancelUrl, Instant expiresAt,
                          Instant fulfilledAt, Instant createdAt) {

        public boolean paid() {
            return "paid".equals(paymentStatus);
        }

        public String status(Instant now) {
            if (paid()) {
                return "complete";
            }
            return now.isBefore(expiresAt) ? "open" : "expired";
        }

        /** The hosted page's path on the emulator; prefix it with the request's public root. */
        public String pagePath() {
            return "/checkout/" + id;
        }

        /** The API call that fulfils the session once it is paid. */
        public String confirmedWith() {
            return PURPOSE_FUND.equals(purpose) ? "POST /wallet/confirm-checkout" : "POST /subscriptions/confirm-checkout";
        }

        /** What an agent does with the session, as the API's answers say it. */
        public String instructions() {
            return "Forward this URL to the user. They pay on the hosted checkout page; afterwards the success page "
                    + "shows the session_id. Confirm the payment with " + confirmedWith() + " and that session_id.";
        }
    }

    private static final String COLUMNS = "id, account_id, purpose, amount, plan_id, payment_status, payment_intent_id, "
            + "success_url, cancel_url, expires_at, fulfilled_at, created_at";

    private CheckoutSessions() {
    }

    public static Session create(Connection db, long accountId, String purpose, BigDecimal amount, Long planId,
                                 String successUrl, String cancelUrl, Instant now) {
        String id = "cs_test_" + StripeIds.random(40);
        Sql.update(db, "INSERT INTO checkout_sessions (id, account_id, purpose, amount, plan_id, status, payment_status, "
                        + "success_url, cancel_url, expires_at, created_at) VALUES (?, ?, ?, ?, ?, 'open', 'unpaid', ?, ?, ?, ?)",
                id, accountId, purpose, amount, planId, successUrl, cancelUrl, now.plus(LIFETIME), now);
        return find(db, id).orElseThrow();
    }

    public static Optional<Session> find(Connection db, String sessionId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM checkout_sessions WHERE id = ?", CheckoutSessions::map, sessionId);
    }

    /** One of the account's sessions; 404 for an unknown id or another account's session. */
    public static Session owned(Connection db, long accountId, String sessionId) {
        return find(db, sessionId).filter(session -> session.accountId() == accountId)
                .orElseThrow(() -> new ApiProblem(404, "not_found", "No such Checkout Session: " + sessionId + ".",
                        Map.of("session_id", sessionId)));
    }

    /**
     * Pays an open session with a card, as the hosted page does: declines and 3D Secure behave as the
     * card's row of the test-card matrix says. Returns the PaymentIntent.
     */
    public static PaymentIntents.PaymentIntent pay(Connection db, PaymentIntents intents, String sessionId,
                                                   String paymentMethodId, Instant now) {
        Session session = find(db, sessionId).orElseThrow(() -> new ApiProblem(404, "not_found",
                "No such Checkout Session: " + sessionId + ".", Map.of("session_id", sessionId)));
        String status = session.status(now);
        if (!status.equals("open")) {
            throw new ApiProblem(409, status.equals("expired") ? "checkout_expired" : "invalid_state",
                    "Checkout Session " + sessionId + " is " + status + ".", Map.of("status", status));
        }
        PaymentIntents.PaymentIntent intent = intents.charge(db, session.accountId(), paymentMethodId, session.amount(),
                ChargePurpose.CHECKOUT, sessionId, now);
        Sql.update(db, "UPDATE checkout_sessions SET payment_intent_id = ? WHERE id = ?", intent.id(), sessionId);
        return intent;
    }

    /** Marks the session paid: called when its PaymentIntent succeeds (see {@link #FULFILMENTS}). */
    static void markPaid(Connection db, PaymentIntents.PaymentIntent intent, Instant now) {
        Sql.update(db, "UPDATE checkout_sessions SET payment_status = 'paid', status = 'complete', payment_intent_id = ? "
                + "WHERE id = ?", intent.id(), intent.reference());
    }

    /**
     * Marks every open, unpaid session whose {@code expires_at} has passed as {@code expired}: what
     * Stripe does on time, done when emulated time is advanced. {@link Session#status} already reads
     * an unpaid session past its expiry as expired, so this keeps the stored status in step with it.
     * Returns how many sessions expired.
     */
    public static int expireDue(Connection db, Instant now) {
        return Sql.update(db, "UPDATE checkout_sessions SET status = 'expired' WHERE status = 'open' "
                + "AND payment_status <> 'paid' AND expires_at <= ?", now);
    }

    /**
     * Claims a paid session for its one fulfilment: true the first time, false when it was already
     * fulfilled (confirm-checkout then answers without crediting again). 409 {@code checkout_not_completed}
     * while unpaid and open, 409 {@code checkout_expired} once expired unpaid.
     */
    public static boolean claimFulfilment(Connection db, Session session, Instant now) {
        String status = session.status(now);
        if (status.equals("open")) {
            throw new ApiProblem(409, "checkout_not_completed",
                    "The Checkout Session has not been paid yet. Poll again after the customer pays.",
                    Map.of("session_id", session.id(), "status", status));
        }
        if (status.equals("expired")) {
            throw new ApiProblem(409, "checkout_expired", "The Checkout Session expired before it was paid.",
                    Map.of("session_id", session.id(), "status", status));
        }
        return Sql.update(db, "UPDATE checkout_sessions SET fulfilled_at = ? WHERE id = ? AND fulfilled_at IS NULL",
                now, session.id()) == 1;
    }

    private static Session map(Row row) {
        return new Session(row.getString("id"), row.getLong("account_id"), row.getString("purpose"),
                row.getBigDecimal("amount"), row.getObject("plan_id", Long.class), row.getString("payment_status"),
                row.getString("payment_intent_id"), row.getString("success_url"), row.getString("cancel_url"),
                row.instant("expires_at"), row.instant("fulfilled_at"), row.instant("created_at"));
    }
}
