package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.DatabaseSecrets;

/**
 * A PaymentIntent's client secret ({@code pi_..._secret_...}), derived from its id with a key made once
 * per database rather than stored with every PaymentIntent: the same secret at every read, and one
 * nobody can work out from the id alone. A PaymentIntent stored before (migration V11) keeps its own.
 */
final class ClientSecrets {

    /** The key, as a scalar subquery read with the PaymentIntent. */
    static final String KEY_QUERY = DatabaseSecrets.keyQuery(DatabaseSecrets.Purpose.CLIENT_SECRETS);

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    /** As long as the random part of a secret made before V11. */
    private static final int LENGTH = 24;

    private ClientSecrets() {
    }

    /** The stored secret when there is one, else the one derived from {@code id} with {@code key} (hex). */
    static String of(String id, String stored, String key) {
        if (stored != null) {
            return stored;
        }
        byte[] digest = DatabaseSecrets.hmac(key, id);
        char[] secret = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            secret[i] = ALPHABET[(digest[i] & 0xff) % ALPHABET.length];
        }
        return id + "_secret_" + new String(secret);
    }
}
