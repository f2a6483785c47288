package dev.modelslabtwin.emulator.routing;

import java.util.regex.Pattern;

/** What a card number looks like: 13 to 19 digits (spaces and dashes between them allowed) passing the Luhn check. */
public final class CardNumbers {

    /** A run of 13 to 19 digits, single spaces or dashes between them, inside any text. */
    public static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

    private CardNumbers() {
    }

    /** Whether {@code text}, as a whole, is a card number. */
    public static boolean looksLikeOne(String text) {
        String digits = text.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
