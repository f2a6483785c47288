package dev.modelslabtwin.emulator.stripe;

import java.security.SecureRandom;

/** Object ids shaped like Stripe's test-mode ids: {@code pi_3Qb...}, {@code cs_test_a1...}. */
public final class StripeIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private StripeIds() {
    }

    /** {@code prefix_} followed by 24 random letters and digits. */
    public static String next(String prefix) {
        return prefix + "_" + random(24);
    }

    public static String random(int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(text);
    }
}
