package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.db.OlderSchema;
import dev.modelslabtwin.emulator.subscriptions.SubscriptionFulfilments;
import dev.modelslabtwin.emulator.wallet.WalletFulfilments;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientSecretsTest {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String OTHER_KEY = "ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void aDerivedSecretIsShapedAsStripesAndTheSameAtEveryRead() {
        String secret = ClientSecrets.of("pi_AbCdEfGhIjKlMnOpQrStUvWx", null, KEY);

        assertTrue(secret.matches("pi_AbCdEfGhIjKlMnOpQrStUvWx_secret_[A-Za-z0-9]{24}"), secret);
        assertEquals(secret, ClientSecrets.of("pi_AbCdEfGhIjKlMnOpQrStUvWx", null, KEY));
    }

    @Test
    void aSecretCannotBeWorkedOutFromTheIdWithoutTheDatabasesKey() {
        assertNotEquals(ClientSecrets.of("pi_AbCdEfGhIjKlMnOpQrStUvWx", null, KEY),
                ClientSecrets.of("pi_AbCdEfGhIjKlMnOpQrStUvWx", null, OTHER_KEY));
        assertNotEquals(ClientSecrets.of("pi_AbCdEfGhIjKlMnOpQrStUvWx", null, KEY),
                ClientSecrets.of("pi_AbCdEfGhIjKlMnOpQrStUvWy", null, KEY));
    }

    @Test
    void aPaymentIntentStoredByAnOlderEmulatorKeepsItsSecret() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        Database database = OlderSchema.at(9)
                .withAccount("older@example.com", now)
                .with("INSERT INTO payment_intents (id, account_id, amount, status, purpose, client_secret, created_at, "
                        + "updated_at) VALUES ('pi_older', 1, 25.00, 'requires_action', 'wallet_funding', "
                        + "'pi_older_secret_kept000000000000000000', ?, ?)", now, now)
                .upgrade();
        PaymentIntents intents = new PaymentIntents(CheckoutSessions.FULFILMENTS, WalletFulfilments.ALL,
                SubscriptionFulfilments.ALL);

        String secret = database.transaction(db -> intents.find(db, "pi_older").orElseThrow().clientSecret());

        assertEquals("pi_older_secret_kept000000000000000000", secret);
    }

    @Test
    void eachDatabaseDerivesWithAKeyOfItsOwn() {
        String first = Database.inMemory().transaction(db -> dev.modelslabtwin.emulator.db.Sql.one(db,
                "SELECT " + ClientSecrets.KEY_QUERY, row -> row.getString(1))).orElseThrow();
        String second = Database.inMemory().transaction(db -> dev.modelslabtwin.emulator.db.Sql.one(db,
                "SELECT " + ClientSecrets.KEY_QUERY, row -> row.getString(1))).orElseThrow();

        assertEquals(64, first.length());
        assertNotEquals(first, second);
    }
}
