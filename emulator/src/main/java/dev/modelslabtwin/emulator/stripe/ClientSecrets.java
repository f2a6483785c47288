package dev.modelslabtwin.emulator.stripe;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A PaymentIntent's client secret ({@code pi_..._secret_...}), derived from its id with a key made once
 * per database rather than stored with every PaymentIntent: the same secret at every read, and one
 * nobody can work out from the id alone. A PaymentIntent stored before (migration V11) keeps its own.
 */
final class ClientSecrets {

    /** The key, as a scalar subquery read with the PaymentIntent. */
    static final String KEY_QUERY = "(SELECT secret FROM url_signing_keys WHERE purpose = 'client_secrets')";

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
        if (key == null) {
            throw new IllegalStateException("no key for client secrets: see db/DatabaseSecrets");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(key), "HmacSHA256"));
            byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            char[] secret = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                secret[i] = ALPHABET[(digest[i] & 0xff) % ALPHABET.length];
            }
            return id + "_secret_" + new String(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
