package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import dev.modelslabtwin.emulator.db.Row;
import java.sql.Connection;


import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe SetupIntents: saving a card for later without charging it, with 3D Secure when the card asks
 * for it. Confirmed with a card, a SetupIntent succeeds (the card is saved to the account, as Stripe
 * attaches it to the customer), stops at {@code requires_action} for a card that needs authentication,
 * or stays in {@code requires_payment_method} with the decline as its last error for a card Stripe
 * refuses to attach.
 */
public final class SetupIntents {

    public static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";
    public static final String REQUIRES_ACTION = "requires_action";
    public static final String SUCCEEDED = "succeeded";

    /** A stored SetupIntent. {@code declineCode} is its last error, if any (see {@link TestCards.Decline#byDeclineCode}). */
    public record SetupIntent(String id, long accountId, String clientSecret, String status, String paymentMethodId,
                              String declineCode, Instant createdAt) {

        public boolean requiresAction() {
            return REQUIRES_ACTION.equals(status);
        }

        public boolean succeeded() {
            return SUCCEEDED.equals(status);
        }

        /** Whether the last card was refused (it waits for another). */
        public boolean declined() {
            return REQUIRES_PAYMENT_METHOD.equals(status) && declineCode != null;
        }

        /** Why the last card was refused; only for a {@link #declined()} SetupIntent. */
        public TestCards.Decline decline() {
            return TestCards.Decline.byDeclineCode(declineCode).orElseThrow(
                    () -> new IllegalStateException("SetupIntent " + id + " has no known decline: " + declineCode));
        }
    }

    private static final String COLUMNS = "id, account_id, client_secret, status, payment_method_id, decline_code, created_at";

    private SetupIntents() {
    }

    public static SetupIntent create(Connection db, long accountId, Instant now) {
        String id = StripeIds.next("seti");
        Sql.update(db, "INSERT INTO setup_intents (id, account_id, client_secret, status, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, accountId, id + "_secret_" + StripeIds.random(24), REQUIRES_PAYMENT_METHOD,
                now, now);
        return find(db, id).orElseThrow();
    }

    public static Optional<SetupIntent> find(Connection db, String setupIntentId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM setup_intents WHERE id = ?", SetupIntents::map, setupIntentId);
    }

    /**
     * Confirms the SetupIntent with {@code paymentMethodId} (a tokenised card or a {@code pm_card_*}
     * shortcut): succeeded, awaiting 3D Secure, or {@link SetupIntent#declined()} for a card Stripe
     * refuses to attach (the decline kept as its last error). 409 {@code invalid_state} unless it is
     * awaiting a payment method.
     */
    public static SetupIntent confirm(Connection db, String setupIntentId, String paymentMethodId, Instant now) {
        SetupIntent intent = find(db, setupIntentId).orElseThrow(() -> noSuchSetupIntent(setupIntentId));
        if (!REQUIRES_PAYMENT_METHOD.equals(intent.status())) {
            throw new ApiProblem(409, "invalid_state", "SetupIntent " + setupIntentId + " is " + intent.status()
                    + " and cannot be confirmed.", Map.of("status", intent.status()));
        }
        PaymentMethods.Card card = PaymentMethods.chargeable(db, intent.accountId(), paymentMethodId, null, now);
        Sql.update(db, "UPDATE setup_intents SET payment_method_id = ?, decline_code = NULL, updated_at = ? WHERE id = ?",
                card.id(), now, setupIntentId);
        TestCards.Decline refusal = CardNetwork.refusalOnAttach(card);
        if (refusal != null) {
            return fail(db, setupIntentId, refusal, now);
        }
        if (card.testCard().setupNeedsAuthentication()) {
            return status(db, setupIntentId, REQUIRES_ACTION, now);
        }
        return succeed(db, intent, card.id(), now);
    }

    /**
     * Ends the 3D Secure step of a SetupIntent in {@code requires_action}: approved, it succeeds and the
     * card is saved; failed, it goes back to {@code requires_payment_method}, declined with
     * {@code authentication_failed}.
     */
    public static SetupIntent completeAuthentication(Connection db, String setupIntentId, boolean approved, Instant now) {
        SetupIntent intent = find(db, setupIntentId).orElseThrow(() -> noSuchSetupIntent(setupIntentId));
        if (!intent.requiresAction()) {
            throw new ApiProblem(409, "invalid_state", "SetupIntent " + setupIntentId + " is " + intent.status()
                    + "; only one awaiting authentication can be authenticated.", Map.of("status", intent.status()));
        }
        if (!approved) {
            return fail(db, setupIntentId, TestCards.AUTHENTICATION_FAILED, now);
        }
        return succeed(db, intent, intent.paymentMethodId(), now);
    }

    private static SetupIntent succeed(Connection db, SetupIntent intent, String paymentMethodId, Instant now) {
        PaymentMethods.attach(db, intent.accountId(), paymentMethodId, false, now);
        PaymentMethods.markSetUp(db, paymentMethodId);
        return status(db, intent.id(), SUCCEEDED, now);
    }

    private static SetupIntent fail(Connection db, String setupIntentId, TestCards.Decline decline, Instant now) {
        Sql.update(db, "UPDATE setup_intents SET status = ?, decline_code = ?, updated_at = ? WHERE id = ?",
                REQUIRES_PAYMENT_METHOD, decline.declineCode(), now, setupIntentId);
        return find(db, setupIntentId).orElseThrow();
    }

    private static SetupIntent status(Connection db, String setupIntentId, String status, Instant now) {
        Sql.update(db, "UPDATE setup_intents SET status = ?, updated_at = ? WHERE id = ?", status, now, setupIntentId);
        return find(db, setupIntentId).orElseThrow();
    }

    private static ApiProblem noSuchSetupIntent(String setupIntentId) {
        return new ApiProblem(404, "not_found", "No such SetupIntent: " + setupIntentId + ".",
                Map.of("setup_intent_id", setupIntentId));
    }

    private static SetupIntent map(Row row) {
        return new SetupIntent(row.getString("id"), row.getLong("account_id"), row.getString("client_secret"),
                row.getString("status"), row.getString("payment_method_id"), row.getString("decline_code"),
                row.instant("created_at"));
    }
}
