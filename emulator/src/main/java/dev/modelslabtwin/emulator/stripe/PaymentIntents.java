package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Row;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Card charges as Stripe runs them, with outcomes from the test-card matrix: a charge succeeds,
 * is declined (the PaymentIntent stays in {@code requires_payment_method} with the decline code), or
 * stops at {@code requires_action} until a person passes or fails 3D Secure. Every outcome is the
 * PaymentIntent returned, a decline too: the caller's transaction keeps it, as Stripe keeps a failed
 * PaymentIntent, and the caller reports it once that transaction is committed. When a charge succeeds —
 * at once or after authentication — the {@link Fulfilment} of its {@link ChargePurpose} runs in the same
 * transaction (credit the wallet, activate the subscription, ...), so money is never taken without
 * its effect.
 */
public final class PaymentIntents {

    /** Stripe's PaymentIntent states the emulator uses. */
    public static final String SUCCEEDED = "succeeded";
    public static final String REQUIRES_ACTION = "requires_action";
    public static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";
    public static final String CANCELED = "canceled";

    /** What a successful charge pays for: runs once, when the PaymentIntent succeeds. */
    @FunctionalInterface
    public interface Fulfilment {
        void fulfil(Connection db, PaymentIntent paymentIntent, Instant now) ;
    }

    /** A stored PaymentIntent. {@code declineCode} is set once a charge failed. */
    public record PaymentIntent(String id, long accountId, BigDecimal amount, String status, String paymentMethodId,
                                ChargePurpose purpose, String reference, String declineCode, String clientSecret,
                                String latestChargeId, Instant createdAt, Instant updatedAt) {

        public boolean succeeded() {
            return SUCCEEDED.equals(status);
        }

        public boolean requiresAction() {
            return REQUIRES_ACTION.equals(status);
        }

        /** Whether the last attempt to charge it was declined (it waits for another card). */
        public boolean declined() {
            return REQUIRES_PAYMENT_METHOD.equals(status) && declineCode != null;
        }

        /** Why it was declined; only for a {@link #declined()} PaymentIntent. */
        public TestCards.Decline decline() {
            return TestCards.Decline.byDeclineCode(declineCode).orElseThrow(
                    () -> new IllegalStateException("payment " + id + " has no known decline: " + declineCode));
        }
    }

    private static final String COLUMNS = "id, account_id, amount, status, payment_method_id, purpose, reference, "
            + "decline_code, client_secret, latest_charge_id, created_at, updated_at";
    /** The columns read, with the key a PaymentIntent's client secret is derived with (see {@link ClientSecrets}). */
    private static final String READ = COLUMNS + ", " + ClientSecrets.KEY_QUERY + " AS client_secret_key";

    /**
     * The emulator's page where a person passes or fails 3D Secure for a PaymentIntent or SetupIntent in
     * {@code requires_action}; prefix it with the request's public root.
     */
    public static String authenticationPagePath(String intentId) {
        return "/stripe/3ds/" + intentId;
    }

    private final Map<ChargePurpose, Fulfilment> fulfilments;

    /**
     * Charges whose successes do what the capabilities' {@code fulfilments} say: together, one for every
     * purpose {@link ChargePurpose#fulfilledOnSuccess() fulfilled on success} and none for the others.
     */
    @SafeVarargs
    public PaymentIntents(Map<ChargePurpose, Fulfilment>... fulfilments) {
        Map<ChargePurpose, Fulfilment> all = new EnumMap<>(ChargePurpose.class);
        for (Map<ChargePurpose, Fulfilment> capability : fulfilments) {
            capability.forEach((purpose, fulfilment) -> {
                if (all.putIfAbsent(purpose, fulfilment) != null) {
                    throw new IllegalStateException("two fulfilments for the payment purpose " + purpose);
                }
            });
        }
        Set<ChargePurpose> expected = EnumSet.noneOf(ChargePurpose.class);
        for (ChargePurpose purpose : ChargePurpose.values()) {
            if (purpose.fulfilledOnSuccess()) {
                expected.add(purpose);
            }
        }
        if (!expected.equals(all.keySet())) {
            throw new IllegalStateException("the payment purposes fulfilled on success are " + expected
                    + ", the fulfilments given are for " + all.keySet());
        }
        this.fulfilments = all;
    }

    /**
     * Charges a card the account may use (see {@link PaymentMethods#chargeable}): the PaymentIntent
     * succeeded (its fulfilment done), awaiting 3D Secure, or {@link PaymentIntent#declined()}.
     * {@code reference} is the purpose's own id (a subscription id, a session id) or null.
     */
    public PaymentIntent charge(Connection db, long accountId, String paymentMethodId, BigDecimal amount,
                                ChargePurpose purpose, String reference, Instant now) {
        return charge(db, accountId, paymentMethodId, amount, purpose, reference, false, now);
    }

    private PaymentIntent charge(Connection db, long accountId, String paymentMethodId, BigDecimal amount,
                                 ChargePurpose purpose, String reference, boolean offSession, Instant now) {
        PaymentMethods.Card card = PaymentMethods.chargeable(db, accountId, paymentMethodId, null, now);
        String id = insert(db, accountId, card, amount, purpose, reference, now);
        return attempt(db, id, card, offSession, now);
    }

    /**
     * Records the PaymentIntent of a payment whose card Stripe refused to attach to the customer (a
     * subscription's card must be attached first), declined with that refusal and no charge, so the
     * decline names a real PaymentIntent that {@code GET /payments/{id}/status} reports as failed.
     */
    public PaymentIntent declinedAtAttach(Connection db, long accountId, PaymentMethods.Card card, BigDecimal amount,
                                          ChargePurpose purpose, String reference, TestCards.Decline refusal,
                                          Instant now) {
        String id = insert(db, accountId, card, amount, purpose, reference, now);
        return decline(db, id, refusal, now);
    }

    private static String insert(Connection db, long accountId, PaymentMethods.Card card, BigDecimal amount,
                                 ChargePurpose purpose, String reference, Instant now) {
        String id = StripeIds.next("pi");
        Sql.update(db, "INSERT INTO payment_intents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)",
                id, accountId, amount, REQUIRES_PAYMENT_METHOD, card.id(), purpose, reference, now, now);
        return id;
    }

    /**
     * Confirms a PaymentIntent again, as Stripe's confirm does: a declined one (back in
     * {@code requires_payment_method}) is charged anew with {@code paymentMethodId}, and its fulfilment
     * runs if it now succeeds; one awaiting 3D Secure stays as it is until a person authenticates.
     * 409 {@code invalid_state} once it succeeded or was canceled.
     */
    public PaymentIntent confirm(Connection db, String paymentIntentId, String paymentMethodId, Instant now) {
        PaymentIntent intent = find(db, paymentIntentId).orElseThrow(() -> noSuchPayment(paymentIntentId));
        if (intent.requiresAction()) {
            return intent;
        }
        if (!REQUIRES_PAYMENT_METHOD.equals(intent.status())) {
            throw new ApiProblem(409, "invalid_state", "Payment " + paymentIntentId + " is " + intent.status()
                    + " and cannot be confirmed again.", Map.of("status", intent.status()));
        }
        return attempt(db, paymentIntentId, PaymentMethods.chargeable(db, intent.accountId(), paymentMethodId,
                paymentIntentId, now), false, now);
    }

    /**
     * Charges {@code card} for the stored PaymentIntent {@code id}: the card's row of the test-card matrix
     * decides, through {@link CardNetwork} ({@code offSession}: nobody is there to pass 3D Secure).
     */
    private PaymentIntent attempt(Connection db, String id, PaymentMethods.Card card, boolean offSession, Instant now) {
        PaymentMethods.markUsed(db, card, id);
        Sql.update(db, "UPDATE payment_intents SET payment_method_id = ?, decline_code = NULL, updated_at = ? WHERE id = ?",
                card.id(), now, id);
        CardNetwork.Verdict verdict = CardNetwork.charge(card, offSession);
        if (verdict instanceof CardNetwork.NeedsAuthentication) {
            Sql.update(db, "UPDATE payment_intents SET status = ?, updated_at = ? WHERE id = ?", REQUIRES_ACTION, now, id);
            PaymentIntent waiting = find(db, id).orElseThrow();
            Sql.update(db, "INSERT INTO payment_intents_awaiting (id, purpose) VALUES (?, ?)", id, waiting.purpose());
            return waiting;
        }
        return settle(db, id, card, verdict, false, now);
    }

    /** Records the charge of a decided attempt, then succeeds (fulfilling) or declines the PaymentIntent. */
    private PaymentIntent settle(Connection db, String id, PaymentMethods.Card card, CardNetwork.Verdict verdict,
                                 boolean authenticated, Instant now) {
        PaymentIntent intent = find(db, id).orElseThrow();
        Charges.record(db, id, card.id(), intent.amount(), verdict, authenticated, now);
        if (verdict instanceof CardNetwork.Declined declined) {
            return decline(db, id, declined.decline(), now);
        }
        return succeed(db, id, now);
    }

    /**
     * Charges as {@link #charge} does where nobody can pass 3D Secure (an off-session charge, or an
     * operation that cannot hand a next action back): a card that needs it is declined with
     * {@code authentication_required} instead of stopping at {@code requires_action}, as Stripe declines
     * an off-session charge of such a card — unless it was set up for off-session payments (see
     * {@link CardNetwork#charge}).
     */
    public PaymentIntent chargeWithoutAuthentication(Connection db, long accountId, String paymentMethodId,
                                                     BigDecimal amount, ChargePurpose purpose, String reference,
                                                     Instant now) {
        return charge(db, accountId, paymentMethodId, amount, purpose, reference, true, now);
    }

    /**
     * Ends the 3D Secure step of a PaymentIntent in {@code requires_action}: approved, the charge goes
     * on (and may still be declined, as some test cards are); failed, it is declined with
     * {@code authentication_failed}. Returns the PaymentIntent as it ended.
     */
    public PaymentIntent completeAuthentication(Connection db, String paymentIntentId, boolean approved, Instant now) {
        PaymentIntent intent = find(db, paymentIntentId).orElseThrow(() -> noSuchPayment(paymentIntentId));
        if (!intent.requiresAction()) {
            throw new ApiProblem(409, "invalid_state", "Payment " + paymentIntentId + " is " + intent.status()
                    + "; only a payment awaiting authentication can be authenticated.", Map.of("status", intent.status()));
        }
        if (!approved) {
            return decline(db, paymentIntentId, TestCards.AUTHENTICATION_FAILED, now);
        }
        PaymentMethods.Card card = PaymentMethods.find(db, intent.paymentMethodId()).orElseThrow();
        return settle(db, paymentIntentId, card, CardNetwork.afterAuthentication(card), true, now);
    }

    /**
     * Cancels a PaymentIntent still awaiting 3D Secure (Stripe cancels from any open state): it can no
     * longer succeed, so its fulfilment never runs. False when it was no longer awaiting authentication.
     */
    public boolean cancel(Connection db, String paymentIntentId, Instant now) {
        boolean canceled = Sql.update(db, "UPDATE payment_intents SET status = ?, updated_at = ? WHERE id = ? "
                + "AND status = ?", CANCELED, now, paymentIntentId, REQUIRES_ACTION) == 1;
        stopAwaiting(db, paymentIntentId);
        return canceled;
    }

    /**
     * The PaymentIntents made for {@code purpose} that still await 3D Secure, oldest first: those in
     * {@code payment_intents_awaiting}, which holds a PaymentIntent while it is in {@code requires_action}
     * (an index of every PaymentIntent's status would hold all the others too).
     */
    public List<PaymentIntent> awaitingAuthentication(Connection db, ChargePurpose purpose) {
        return Sql.list(db, "SELECT " + READ + " FROM payment_intents WHERE id IN "
                + "(SELECT id FROM payment_intents_awaiting WHERE purpose = ?) ORDER BY created_at, id",
                PaymentIntents::map, purpose);
    }

    private static void stopAwaiting(Connection db, String paymentIntentId) {
        Sql.update(db, "DELETE FROM payment_intents_awaiting WHERE id = ?", paymentIntentId);
    }

    /** One of the account's PaymentIntents; another account's id is as unknown as a made-up one. */
    public Optional<PaymentIntent> owned(Connection db, long accountId, String paymentIntentId) {
        return find(db, paymentIntentId).filter(intent -> intent.accountId() == accountId);
    }

    public Optional<PaymentIntent> find(Connection db, String paymentIntentId) {
        return Sql.one(db, "SELECT " + READ + " FROM payment_intents WHERE id = ?", PaymentIntents::map, paymentIntentId);
    }

    private PaymentIntent succeed(Connection db, String id, Instant now) {
        Sql.update(db, "UPDATE payment_intents SET status = ?, updated_at = ? WHERE id = ?", SUCCEEDED, now, id);
        stopAwaiting(db, id);
        PaymentIntent intent = find(db, id).orElseThrow();
        Fulfilment fulfilment = fulfilments.get(intent.purpose());
        if (fulfilment != null) {
            fulfilment.fulfil(db, intent, now);
        }
        return intent;
    }

    private PaymentIntent decline(Connection db, String id, TestCards.Decline decline, Instant now) {
        Sql.update(db, "UPDATE payment_intents SET status = ?, decline_code = ?, updated_at = ? WHERE id = ?",
                REQUIRES_PAYMENT_METHOD, decline.declineCode(), now, id);
        stopAwaiting(db, id);
        return find(db, id).orElseThrow();
    }

    private static ApiProblem noSuchPayment(String paymentIntentId) {
        return new ApiProblem(404, "not_found", "No such payment: " + paymentIntentId + ".",
                Map.of("payment_intent_id", paymentIntentId));
    }

    private static PaymentIntent map(Row row) {
        return new PaymentIntent(row.getString("id"), row.getLong("account_id"), row.getBigDecimal("amount"),
                row.getString("status"), row.getString("payment_method_id"),
                ChargePurpose.fromWireName(row.getString("purpose")),
                row.getString("reference"), row.getString("decline_code"),
                ClientSecrets.of(row.getString("id"), row.getString("client_secret"), row.getString("client_secret_key")),
                row.getString("latest_charge_id"), row.instant("created_at"), row.instant("updated_at"));
    }
}
