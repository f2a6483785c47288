package dev.modelslabtwin.emulator.routing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The answers kept for idempotency keys, packed: a day of keys is the largest part of what a busy account
 * keeps, and an answer is mostly the API's own field names and messages. A packed answer is a format byte,
 * then its UTF-8 text: {@link #PLAIN} as it is (answers stored before packing existed), or {@link #DEFLATED}
 * raw deflate against {@link #DICTIONARY}. Unpacking gives back exactly the text packed.
 */
final class StoredAnswers {

    static final byte PLAIN = 0;
    static final byte DEFLATED = 1;

    /**
     * Words the answers share, the most common last (deflate reaches nearer words with fewer bits). Packed
     * answers name this text by their format byte: it must never change; other words need a new format.
     */
    static final byte[] DICTIONARY = ("{\"error\":{\"code\":\"payment_declined\",\"message\":\"Your card was declined.\","
            + "\"details\":{\"decline_code\":\"generic_decline\",\"insufficient_funds\",\"headers\":{}}},"
            + "\"subscription\":{\"id\":,\"plan_id\":,\"plan_name\":\"\",\"status\":\"active\",\"pending_checkout\","
            + "\"current_period_start\":\"\",\"current_period_end\":\"\",\"checkout_url\":\"\",\"session_id\":\"cs_test_"
            + "\",\"expires_at\":\"\",\"invoice_id\":\"in_\",\"next_action_url\":\"\",\"client_secret\":\"_secret_"
            + "\",\"requires_action\",\"Additional authentication is required. Use modelslab.com/pricing to do payment for "
            + "this transaction.\",\"coupon\":\"credited_amount\":\"transaction_id\":\"\",\"description\":\"\","
            + "{\"result\":{\"data\":{\"message\":\"Wallet funded successfully.\",\"amount\":10.00,\"balance\":60.00,"
            + "\"currency\":\"USD\",\"payment\":{\"status\":\"succeeded\",\"payment_intent_id\":\"pi_\",\"amount\":"
            + ",\"currency\":\"usd\",\"payment_method_id\":\"pm_\"}}}").getBytes(StandardCharsets.UTF_8);

    private StoredAnswers() {
    }

    static byte[] pack(String answer) {
        byte[] text = answer.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(text);
            deflater.finish();
            ByteArrayOutputStream packed = new ByteArrayOutputStream(text.length / 2 + 16);
            packed.write(DEFLATED);
            byte[] buffer = new byte[Math.max(64, text.length)];
            while (!deflater.finished()) {
                packed.write(buffer, 0, deflater.deflate(buffer));
            }
            return packed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static String unpack(byte[] packed) {
        if (packed.length == 0) {
            throw new IllegalStateException("a stored answer is empty");
        }
        return switch (packed[0]) {
            case PLAIN -> new String(packed, 1, packed.length - 1, StandardCharsets.UTF_8);
            case DEFLATED -> inflate(packed);
            default -> throw new IllegalStateException("a stored answer has the unknown format " + packed[0]);
        };
    }

    private static String inflate(byte[] packed) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY);
            inflater.setInput(packed, 1, packed.length - 1);
            ByteArrayOutputStream text = new ByteArrayOutputStream(packed.length * 4);
            byte[] buffer = new byte[Math.max(256, packed.length * 4)];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored answer is cut short: " + Arrays.toString(
                            Arrays.copyOf(packed, Math.min(packed.length, 16))));
                }
                text.write(buffer, 0, n);
            }
            return text.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored answer is not deflated text", e);
        } finally {
            inflater.end();
        }
    }
}
