package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe SetupIntents: saving a card to an account's customer without charging it, with 3D Secure
 * when the card asks for it. Created by {@code POST /billing/setup-intent}, confirmed through the fake
 * Stripe API with a PaymentMethod; on success the card is attached to the account. Outcomes follow
 * the test-card matrix: a card Stripe refuses to attach is declined, a card that needs 3D Secure stops
 * at {@code requires_action} until a person passes or fails it. Errors are thrown as
 * {@link ApiProblem}s (404 {@code not_found}, 409 {@code invalid_state}) and {@link CardDeclined}.
 */
public final class SetupIntents {

    public static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";
    public static final String REQUIRES_ACTION = "requires_action";
    public static final String SUCCEEDED = "succeeded";

    /** A stored SetupIntent; {@code declineCode} says why its last confirmation failed (Stripe's last_setup_error). */
    public record SetupIntent(String id, long accountId, String clientSecret, String status, String paymentMethodId,
                              String declineCode, Instant createdAt) {

        public boolean succeeded() {
            return SUCCEEDED.equals(status);
        }

        public boolean requiresAction() {
            return REQUIRES_ACTION.equals(status);
        }
    }

    private static final String COLUMNS = "id, account_id, client_secret, status, payment_method_id, decline_code, created_at";
    private static final TestCards.Decline AUTHENTICATION_FAILED = new TestCards.Decline(
            "setup_intent_authentication_failure", "authentication_failed",
            "The customer did not complete 3D Secure authentication, so the card was not saved.");

    private SetupIntents() {
    }

    /** A new SetupIntent for the account's customer, waiting for a PaymentMethod. */
    public static SetupIntent create(Connection db, long accountId, Instant now) throws SQLException {
        String id = StripeIds.next("seti");
        Sql.update(db, "INSERT INTO setup_intents (" + COLUMNS + ") VALUES (?, ?, ?, ?, NULL, NULL, ?)",
                id, accountId, id + "_secret_" + StripeIds.random(24), REQUIRES_PAYMENT_METHOD, now);
        return find(db, id).orElseThrow();
    }

    public static Optional<SetupIntent> find(Connection db, String setupIntentId) throws SQLException {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM setup_intents WHERE id = ?", SetupIntents::map, setupIntentId);
    }

    /**
     * Confirms the SetupIntent with {@code paymentMethodId}: an unattached PaymentMethod, one of the
     * account's own cards, or a {@code pm_card_*} shortcut. The card is then attached to the account
     * ({@code succeeded}); or it awaits 3D Secure ({@code requires_action}, see
     * {@link #completeAuthentication}); or Stripe refuses it: {@link CardDeclined} is thrown and the
     * SetupIntent, back in {@code requires_payment_method} with the decline code, is kept (the
     * transaction must commit, as {@code CardDeclined} makes it). 404 for an unknown SetupIntent or
     * card (another account's card included), 409 once the SetupIntent has succeeded.
     */
    public static SetupIntent confirm(Connection db, String setupIntentId, String paymentMethodId, Instant now)
            throws SQLException {
        SetupIntent intent = existing(db, setupIntentId);
        if (intent.succeeded()) {
            throw new ApiProblem(409, "invalid_state", "SetupIntent " + setupIntentId + " has already succeeded; "
                    + "create a new one to save another card.", Map.of("status", intent.status()));
        }
        PaymentMethods.Card card = PaymentMethods.chargeable(db, intent.accountId(), paymentMethodId, now);
        TestCards.TestCard testCard = card.testCard();
        if (testCard.declineOnAttach() != null) {
            return decline(db, intent, testCard.declineOnAttach());
        }
        if (testCard.authentication() == TestCards.Authentication.REQUIRED) {
            Sql.update(db, "UPDATE setup_intents SET status = ?, payment_method_id = ?, decline_code = NULL WHERE id = ?",
                    REQUIRES_ACTION, card.id(), intent.id());
            return find(db, intent.id()).orElseThrow();
        }
        return attach(db, intent, card.id(), now);
    }

    /**
     * Ends the 3D Secure step of a SetupIntent in {@code requires_action}: approved, the card is
     * attached; failed, the SetupIntent goes back to {@code requires_payment_method} and
     * {@link CardDeclined} ({@code authentication_failed}) is thrown.
     */
    public static SetupIntent completeAuthentication(Connection db, String setupIntentId, boolean approved, Instant now)
            throws SQLException {
        SetupIntent intent = existing(db, setupIntentId);
        if (!intent.requiresAction()) {
            throw new ApiProblem(409, "invalid_state", "SetupIntent " + setupIntentId + " is " + intent.status()
                    + "; only a SetupIntent awaiting authentication can be authenticated.", Map.of("status", intent.status()));
        }
        if (!approved) {
            return decline(db, intent, AUTHENTICATION_FAILED);
        }
        return attach(db, intent, intent.paymentMethodId(), now);
    }

    private static SetupIntent existing(Connection db, String setupIntentId) throws SQLException {
        return find(db, setupIntentId).orElseThrow(() -> new ApiProblem(404, "not_found",
                "No such SetupIntent: " + setupIntentId + ".", Map.of("setup_intent_id", setupIntentId)));
    }

    private static SetupIntent attach(Connection db, SetupIntent intent, String paymentMethodId, Instant now)
            throws SQLException {
        PaymentMethods.attach(db, intent.accountId(), paymentMethodId, false, now);
        Sql.update(db, "UPDATE setup_intents SET status = ?, payment_method_id = ?, decline_code = NULL WHERE id = ?",
                SUCCEEDED, paymentMethodId, intent.id());
        return find(db, intent.id()).orElseThrow();
    }

    private static SetupIntent decline(Connection db, SetupIntent intent, TestCards.Decline decline) throws SQLException {
        Sql.update(db, "UPDATE setup_intents SET status = ?, payment_method_id = NULL, decline_code = ? WHERE id = ?",
                REQUIRES_PAYMENT_METHOD, decline.declineCode(), intent.id());
        throw new CardDeclined(decline, null);
    }

    private static SetupIntent map(ResultSet row) throws SQLException {
        return new SetupIntent(row.getString("id"), row.getLong("account_id"), row.getString("client_secret"),
                row.getString("status"), row.getString("payment_method_id"), row.getString("decline_code"),
                Sql.instant(row, "created_at"));
    }
}
