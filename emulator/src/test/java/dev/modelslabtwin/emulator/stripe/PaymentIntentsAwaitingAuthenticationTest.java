package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.db.OlderSchema;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.subscriptions.SubscriptionFulfilments;
import dev.modelslabtwin.emulator.wallet.WalletFulfilments;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which PaymentIntents await 3D Secure: those in requires_action, and no others, whatever moved them. */
class PaymentIntentsAwaitingAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final PaymentIntents intents = new PaymentIntents(CheckoutSessions.FULFILMENTS, WalletFulfilments.ALL,
            SubscriptionFulfilments.ALL);
    private final Database database = Database.inMemory();
    private final long account = database.transaction(db -> Sql.insert(db, "INSERT INTO accounts (email, name, "
            + "password_hash, stripe_customer_id, created_at) VALUES ('waiting@example.com', 'W', 'x', 'cus_w', ?)", NOW));

    @Test
    void aChargeStoppedFor3DSecureAwaitsUntilItIsAuthenticated() {
        String first = chargeNeeding3DSecure(NOW);
        String second = chargeNeeding3DSecure(NOW.plusSeconds(1));

        assertEquals(List.of(first, second), awaiting(ChargePurpose.SUBSCRIPTION_RENEWAL));
        assertEquals(List.of(), awaiting(ChargePurpose.WALLET_FUNDING));

        database.transaction(db -> intents.completeAuthentication(db, first, true, NOW));
        assertEquals(List.of(second), awaiting(ChargePurpose.SUBSCRIPTION_RENEWAL));
    }

    @Test
    void aFailedOrCanceledAuthenticationAwaitsNoLonger() {
        String failed = chargeNeeding3DSecure(NOW);
        String canceled = chargeNeeding3DSecure(NOW);

        database.transaction(db -> intents.completeAuthentication(db, failed, false, NOW));
        database.transaction(db -> intents.cancel(db, canceled, NOW));

        assertEquals(List.of(), awaiting(ChargePurpose.SUBSCRIPTION_RENEWAL));
    }

    @Test
    void aPaymentIntentAwaitingAuthenticationInAnOlderDatabaseStillAwaitsIt() {
        Database upgraded = OlderSchema.at(9)
                .withAccount("older@example.com", NOW)
                .with("INSERT INTO payment_intents (id, account_id, amount, status, purpose, client_secret, created_at, "
                        + "updated_at) VALUES ('pi_waiting', 1, 25.00, 'requires_action', 'subscription', 'pi_waiting_secret_x', ?, ?)",
                        NOW, NOW)
                .with("INSERT INTO payment_intents (id, account_id, amount, status, purpose, client_secret, created_at, "
                        + "updated_at) VALUES ('pi_paid', 1, 25.00, 'succeeded', 'subscription', 'pi_paid_secret_x', ?, ?)",
                        NOW, NOW)
                .upgrade();

        List<String> waiting = upgraded.transaction(db -> intents.awaitingAuthentication(db, ChargePurpose.SUBSCRIPTION))
                .stream().map(PaymentIntents.PaymentIntent::id).toList();

        assertEquals(List.of("pi_waiting"), waiting);
    }

    /** A renewal's charge (a purpose nothing is fulfilled for) stopped for 3D Secure. */
    private String chargeNeeding3DSecure(Instant at) {
        PaymentIntents.PaymentIntent intent = database.transaction(db -> intents.charge(db, account,
                "pm_card_threeDSecure2Required", new BigDecimal("10.00"), ChargePurpose.SUBSCRIPTION_RENEWAL, null, at));
        assertEquals(PaymentIntents.REQUIRES_ACTION, intent.status());
        return intent.id();
    }

    private List<String> awaiting(ChargePurpose purpose) {
        return database.transaction(db -> intents.awaitingAuthentication(db, purpose)).stream()
                .map(PaymentIntents.PaymentIntent::id).toList();
    }
}
