package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Row;
import dev.modelslabtwin.emulator.db.Sql;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Stripe's card tokens ({@code tok_...}): made with {@code POST /v1/tokens}, used once — to make a
 * PaymentMethod ({@code card[token]}) or to confirm an intent with new card data
 * ({@code payment_method_data[card][token]}). The test tokens of Stripe's documentation
 * ({@code tok_visa}, ...) are not stored: each use makes a fresh card of its row, as often as wanted.
 */
public final class Tokens {

    /** A token: the card it stands for and when it was used (null while unused). */
    public record Token(String id, String cardId, String testCardKey, int expMonth, int expYear, boolean cvcProvided,
                        BillingDetails billingDetails, String clientIp, Instant usedAt, Instant createdAt) {

        public TestCards.TestCard testCard() {
            return TestCards.byKey(testCardKey).orElseThrow();
        }

        public boolean used() {
            return usedAt != null;
        }
    }

    /** A token Stripe refuses: never made, or used already. */
    public static final class Unusable extends RuntimeException {

        private final String code;

        Unusable(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        /** Stripe's error code: {@code resource_missing} or {@code token_already_used}. */
        public String code() {
            return code;
        }
    }

    private static final String COLUMNS = "id, card_id, test_card, exp_month, exp_year, cvc_provided, billing_details, "
            + "client_ip, used_at, created_at";

    private Tokens() {
    }

    /** A new, unused token for card data that passed Stripe's checks ({@link CardTokens#check}). */
    public static Token create(Connection db, TestCards.TestCard card, int expMonth, int expYear, boolean cvcProvided,
                               BillingDetails billing, String clientIp, Instant now) {
        String id = StripeIds.next("tok");
        Sql.update(db, "INSERT INTO stripe_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)", id,
                StripeIds.next("card"), card.key(), expMonth, expYear, cvcProvided, billing.toJson(), clientIp, now);
        return find(db, id).orElseThrow();
    }

    public static Optional<Token> find(Connection db, String tokenId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM stripe_tokens WHERE id = ?", Tokens::map, tokenId);
    }

    /**
     * A new, unattached PaymentMethod for {@code tokenId}, the token used up with it: a test token
     * ({@code tok_visa}) makes one of its row; a token from {@code POST /v1/tokens} can be used once.
     * {@code billing} (nullable) replaces the token's billing details when the client sends its own.
     */
    public static PaymentMethods.Card redeem(Connection db, String tokenId, BillingDetails billing, String metadata,
                                             Instant now) {
        Optional<TestCards.TestCard> test = TestCards.byTestToken(tokenId);
        if (test.isPresent()) {
            return PaymentMethods.create(db, test.get(), 12, now.atZone(ZoneOffset.UTC).getYear() + 3, true, billing,
                    metadata, now);
        }
        Token token = find(db, tokenId).orElseThrow(() -> new Unusable("resource_missing", "No such token: '" + tokenId + "'"));
        if (Sql.update(db, "UPDATE stripe_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL", now, tokenId) == 0) {
            throw new Unusable("token_already_used", "You cannot use a Stripe token more than once: " + tokenId + ".");
        }
        return PaymentMethods.create(db, token.testCard(), token.expMonth(), token.expYear(), token.cvcProvided(),
                billing == null ? token.billingDetails() : billing, metadata, now);
    }

    private static Token map(Row row) {
        return new Token(row.getString("id"), row.getString("card_id"), row.getString("test_card"), row.getInt("exp_month"),
                row.getInt("exp_year"), row.getBoolean("cvc_provided"), BillingDetails.fromJson(row.getString("billing_details")),
                row.getString("client_ip"), row.instant("used_at"), row.instant("created_at"));
    }
}
