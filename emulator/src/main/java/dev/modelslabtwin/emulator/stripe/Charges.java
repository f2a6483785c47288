package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Row;
import dev.modelslabtwin.emulator.db.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * Stripe's Charges: one per attempt of a PaymentIntent that reached Radar or the issuer — a success, a
 * decline or a block — kept as the PaymentIntent's {@code latest_charge}. An attempt that stopped for
 * 3D Secure makes none until the customer passes it; one the customer failed makes none at all.
 */
public final class Charges {

    /** A stored charge. {@code failureCode}/{@code declineCode} are null for a successful one. */
    public record Charge(String id, String paymentIntentId, String paymentMethodId, BigDecimal amount, String status,
                         String failureCode, String declineCode, CardNetwork.Outcome outcome, boolean threeDSecure,
                         Instant createdAt) {

        public boolean succeeded() {
            return "succeeded".equals(status);
        }
    }

    private static final String COLUMNS = "id, payment_intent_id, payment_method_id, amount, status, failure_code, "
            + "decline_code, outcome_type, network_status, outcome_reason, risk_level, risk_score, three_d_secure, created_at";

    private Charges() {
    }

    /** Records an attempt's charge and makes it the PaymentIntent's latest. */
    static Charge record(Connection db, String paymentIntentId, String paymentMethodId, BigDecimal amount,
                         CardNetwork.Verdict verdict, boolean authenticated, Instant now) {
        String id = StripeIds.next("ch");
        CardNetwork.Outcome outcome;
        TestCards.Decline decline = null;
        if (verdict instanceof CardNetwork.Approved approved) {
            outcome = approved.outcome();
        } else if (verdict instanceof CardNetwork.Declined declined) {
            outcome = declined.outcome();
            decline = declined.decline();
        } else {
            throw new IllegalArgumentException("an attempt awaiting 3D Secure has no charge yet");
        }
        Sql.update(db, "INSERT INTO stripe_charges (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                paymentIntentId, paymentMethodId, amount, decline == null ? "succeeded" : "failed",
                decline == null ? null : decline.code(), decline == null ? null : decline.declineCode(), outcome.type(),
                outcome.networkStatus(), outcome.reason(), outcome.riskLevel(), outcome.riskScore(), authenticated, now);
        Sql.update(db, "UPDATE payment_intents SET latest_charge_id = ? WHERE id = ?", id, paymentIntentId);
        return find(db, id).orElseThrow();
    }

    public static Optional<Charge> find(Connection db, String chargeId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM stripe_charges WHERE id = ?", Charges::map, chargeId);
    }

    private static Charge map(Row row) {
        CardNetwork.Outcome outcome = new CardNetwork.Outcome(row.getString("outcome_type"), row.getString("network_status"),
                row.getString("outcome_reason"), row.getString("risk_level"), row.getInt("risk_score"));
        return new Charge(row.getString("id"), row.getString("payment_intent_id"), row.getString("payment_method_id"),
                row.getBigDecimal("amount"), row.getString("status"), row.getString("failure_code"),
                row.getString("decline_code"), outcome, row.getBoolean("three_d_secure"), row.instant("created_at"));
    }
}
