package dev.modelslabtwin.emulator.stripe;

import java.sql.Connection;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Turning raw card data into a PaymentMethod, as Stripe does when a client tokenises a card with the
 * publishable key (the fake Stripe API and the hosted Checkout page both come here). Stripe's checks
 * run in its order: number format, Luhn, expiry, CVC format, then whether the number is a test card at
 * all. Only the test card's row, brand, last four and expiry are kept: nothing else of the card data.
 */
public final class CardTokens {

    /** Years ahead Stripe still accepts as an expiry. */
    private static final int LONGEST_VALIDITY_YEARS = 50;

    /** Card data as a client sends it; {@code cvc} may be null (Stripe then skips the CVC check). */
    public record RawCard(String number, int expMonth, int expYear, String cvc) {

        public boolean cvcSent() {
            return cvc != null && !cvc.isEmpty();
        }
    }

    /**
     * Card data Stripe refuses to tokenise: a {@code card_error} with its {@code code}, the field it
     * names ({@code param}) and, for a real card number in test mode, a {@code decline_code}.
     */
    public static final class Refused extends RuntimeException {

        private final String code;
        private final String declineCode;
        private final String param;

        Refused(String code, String declineCode, String param, String message) {
            super(message, null, false, false);
            this.code = code;
            this.declineCode = declineCode;
            this.param = param;
        }

        public String code() {
            return code;
        }

        public String declineCode() {
            return declineCode;
        }

        public String param() {
            return param;
        }
    }

    private CardTokens() {
    }

    /** A new, unattached PaymentMethod for {@code card}; {@link Refused} when Stripe would refuse it. */
    public static PaymentMethods.Card tokenise(Connection db, RawCard card, Instant now) {
        return tokenise(db, card, BillingDetails.NONE, null, now);
    }

    /** As {@link #tokenise(Connection, RawCard, Instant)}, with the billing details and metadata sent along. */
    public static PaymentMethods.Card tokenise(Connection db, RawCard card, BillingDetails billing, String metadata,
                                               Instant now) {
        TestCards.TestCard testCard = check(card, now);
        return PaymentMethods.create(db, testCard, card.expMonth(), fullYear(card.expYear()), card.cvcSent(), billing,
                metadata, now);
    }

    /** The test card {@code card} is, after Stripe's checks; {@link Refused} when one fails. */
    public static TestCards.TestCard check(RawCard card, Instant now) {
        String number = card.number() == null ? "" : card.number().replaceAll("[\\s-]", "");
        if (!number.matches("\\d{12,19}")) {
            throw new Refused("invalid_number", null, "number", "The card number is not a valid credit card number.");
        }
        if (!passesLuhn(number)) {
            throw new Refused("incorrect_number", null, "number", "Your card number is incorrect.");
        }
        if (card.expMonth() < 1 || card.expMonth() > 12) {
            throw new Refused("invalid_expiry_month", null, "exp_month", "Your card's expiration month is invalid.");
        }
        YearMonth today = YearMonth.from(now.atZone(ZoneOffset.UTC));
        int year = fullYear(card.expYear());
        if (year < today.getYear() || year > today.getYear() + LONGEST_VALIDITY_YEARS) {
            throw new Refused("invalid_expiry_year", null, "exp_year", "Your card's expiration year is invalid.");
        }
        if (YearMonth.of(year, card.expMonth()).isBefore(today)) {
            throw new Refused("invalid_expiry_month", null, "exp_month", "Your card's expiration month is invalid.");
        }
        TestCards.TestCard testCard = TestCards.byNumber(number).orElse(null);
        String cvc = card.cvc();
        if (cvc != null && !cvc.isEmpty()) {
            int digits = testCard != null && testCard.brand().equals("amex") ? 4 : 3;
            if (!cvc.matches("\\d{" + digits + "}")) {
                throw new Refused("invalid_cvc", null, "cvc", "Your card's security code is invalid.");
            }
        }
        if (testCard == null) {
            TestCards.Decline live = TestCards.LIVE_CARD_IN_TEST_MODE;
            throw new Refused(live.code(), live.declineCode(), null, live.message());
        }
        return testCard;
    }

    /** The Luhn (mod 10) check every card number carries in its last digit. */
    public static boolean passesLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** Stripe reads a two-digit year as this century's. */
    public static int fullYear(int year) {
        return year >= 0 && year < 100 ? 2000 + year : year;
    }
}
