package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.db.Row;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ApiProblem;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cards with the fake Stripe. A PaymentMethod is created from a test card (a {@code pm_card_*}
 * shortcut, or a number tokenised through the fake Stripe API). Attached to one account it is saved:
 * the account sees it, may charge it again and again, and at most one of its cards is the default.
 * Not attached, it can pay one PaymentIntent (a one-off charge: funding, a coupon purchase, a custom
 * charge, a Checkout payment) and is then spent, as Stripe lets an unattached PaymentMethod be used once.
 */
public final class PaymentMethods {

    /**
     * A stored card: never more of it than Stripe would show (brand, last four, expiry, billing details),
     * plus which row of the public test-card matrix it is ({@code testCardKey}), whether it was tokenised
     * with a CVC, and whether it was set up for later payments through a SetupIntent. A card made from a
     * test id ({@code pm_card_*}, {@code tok_*}) has no billing details of its own ({@code billingDetails}
     * null): Stripe's test PaymentMethods carry whatever their checks need, so every check runs.
     */
    public record Card(String id, Long accountId, String testCardKey, String brand, String last4, int expMonth,
                       int expYear, String funding, String country, boolean isDefault, boolean cvcProvided,
                       BillingDetails billingDetails, String metadata, boolean setUp, Instant createdAt,
                       String usedByPaymentIntent) {

        public TestCards.TestCard testCard() {
            return TestCards.byKey(testCardKey).orElseThrow(
                    () -> new IllegalStateException("card " + id + " has no test-card row " + testCardKey));
        }

        public boolean postalCodeSent() {
            return billingDetails == null || billingDetails.postalCodeSent();
        }

        public boolean line1Sent() {
            return billingDetails == null || billingDetails.line1Sent();
        }

        /** Why Stripe refuses to attach this card, or null. */
        public TestCards.Decline declineOnAttach() {
            return CardNetwork.refusalOnAttach(this);
        }

        /** Saved to an account: it may be charged any number of times. */
        public boolean saved() {
            return accountId != null;
        }

        /**
         * Spent: not saved, and already used by a PaymentIntent other than {@code paymentIntentId} (null:
         * any), so Stripe refuses it for another payment and refuses to attach it.
         */
        public boolean spentFor(String paymentIntentId) {
            return !saved() && usedByPaymentIntent != null && !usedByPaymentIntent.equals(paymentIntentId);
        }
    }

    /**
     * Stripe's refusal of a spent PaymentMethod ({@link Card#spentFor}), as the API answers a
     * {@code payment_method_id} naming one: 422 {@code validation_error} on that field. The fake Stripe
     * answers it as Stripe's own 400 {@code invalid_request_error} with the same message.
     */
    public static final class SpentPaymentMethod extends ApiProblem {

        /** Stripe's message, as Stripe answers a PaymentIntent confirmed or a customer attached with such a card. */
        public static final String MESSAGE = "The provided PaymentMethod was previously used with a PaymentIntent without "
                + "Customer attachment, shared with a connected account without Customer attachment, or was detached from "
                + "a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a "
                + "Customer first.";

        SpentPaymentMethod(String paymentMethodId) {
            super(422, "validation_error", "The given data was invalid.", Map.of("payment_method_id", List.of(
                    MESSAGE + " (" + paymentMethodId + " paid once without being saved: save a card with POST "
                            + "/billing/payment-methods or a SetupIntent to charge it again.)")));
        }
    }

    private static final String COLUMNS = "id, account_id, test_card, brand, last4, exp_month, exp_year, funding, country, "
            + "is_default, cvc_provided, billing_details, metadata, set_up, created_at, used_by_payment_intent";

    private PaymentMethods() {
    }

    /** A new, unattached PaymentMethod for a test id ({@code pm_card_*}, {@code tok_*}): a CVC counts as sent. */
    public static Card create(Connection db, TestCards.TestCard card, int expMonth, int expYear, Instant now) {
        return create(db, card, expMonth, expYear, true, null, null, now);
    }

    /**
     * A new, unattached PaymentMethod, as tokenisation with the publishable key makes one; {@code billing}
     * null for a test id, {@code metadata} Stripe's JSON or null.
     */
    public static Card create(Connection db, TestCards.TestCard card, int expMonth, int expYear, boolean cvcProvided,
                              BillingDetails billing, String metadata, Instant now) {
        String id = StripeIds.next("pm");
        Sql.update(db, "INSERT INTO payment_methods (" + COLUMNS + ") VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, "
                        + "FALSE, ?, NULL)", id, card.key(), card.brand(), card.last4(), expMonth, expYear, card.funding(),
                card.country(), cvcProvided, billing == null ? null : billing.toJson(), metadata, now);
        return find(db, id).orElseThrow();
    }

    /** A fresh PaymentMethod for a {@code pm_card_*} test id, expiring in December three years on. */
    public static Card forShortcut(Connection db, TestCards.TestCard card, Instant now) {
        return create(db, card, 12, now.atZone(ZoneOffset.UTC).getYear() + 3, now);
    }

    /** Records that the card was set up for later payments (a SetupIntent with it succeeded). */
    public static void markSetUp(Connection db, String paymentMethodId) {
        Sql.update(db, "UPDATE payment_methods SET set_up = TRUE WHERE id = ?", paymentMethodId);
    }

    /**
     * Attaches {@code paymentMethodId} (a {@code pm_card_*} shortcut or an unattached PaymentMethod) to
     * the account; a card the account already holds is answered again. A card from Stripe's decline table
     * is refused here ({@link CardDeclined}, 402), as Stripe refuses to attach it; so is a spent one
     * ({@link SpentPaymentMethod}, 422). The account's first card becomes its default whatever
     * {@code makeDefault} says.
     * <p>
     * The card is one a request body names in {@code payment_method_id} (attach, subscribe): see
     * {@link #named} for how an unknown one is answered.
     */
    public static Card attach(Connection db, long accountId, String paymentMethodId, boolean makeDefault, Instant now) {
        Card card = named(db, accountId, paymentMethodId, now);
        TestCards.Decline refusal = card.declineOnAttach();
        if (refusal != null) {
            throw new CardDeclined(refusal, null);
        }
        return save(db, accountId, card, makeDefault, null, now);
    }

    /**
     * Saves {@code card}, which the caller has checked Stripe would attach (a card Stripe refused is never
     * saved). A spent card is refused, except by the payment that used it ({@code paidFor}, a PaymentIntent
     * or null): Checkout in subscription mode sets up the card it charges for the subscription.
     */
    public static Card save(Connection db, long accountId, Card card, boolean makeDefault, String paidFor, Instant now) {
        if (card.spentFor(paidFor)) {
            throw new SpentPaymentMethod(card.id());
        }
        Sql.update(db, "UPDATE payment_methods SET account_id = ?, attached_at = COALESCE(attached_at, ?) WHERE id = ?",
                accountId, now, card.id());
        boolean hasDefault = defaultFor(db, accountId).isPresent();
        if (makeDefault || !hasDefault) {
            makeDefault(db, accountId, card.id());
        }
        return find(db, card.id()).orElseThrow();
    }

    /** The account's cards, default first, then the most recently attached first. */
    public static List<Card> list(Connection db, long accountId) {
        return Sql.list(db, "SELECT " + COLUMNS + " FROM payment_methods WHERE account_id = ? AND detached_at IS NULL "
                + "ORDER BY is_default DESC, attached_at DESC, id", PaymentMethods::map, accountId);
    }

    /**
     * A card the account may charge, as Stripe lets a PaymentIntent be confirmed with it: one of its own
     * cards, an unattached PaymentMethod not yet spent ({@code paymentIntentId}: the PaymentIntent being
     * confirmed, which may use its own card again; null for a new one), or a {@code pm_card_*} shortcut
     * (which makes a fresh unattached PaymentMethod, as Stripe's test ids do). 404 for an unknown card or
     * another account's; {@link SpentPaymentMethod} for a spent one.
     */
    public static Card chargeable(Connection db, long accountId, String paymentMethodId, String paymentIntentId,
                                  Instant now) {
        Optional<TestCards.TestCard> shortcut = TestCards.byPaymentMethodShortcut(paymentMethodId);
        if (shortcut.isPresent()) {
            return forShortcut(db, shortcut.get(), now);
        }
        Card card = find(db, paymentMethodId)
                .filter(found -> found.accountId() == null || found.accountId() == accountId)
                .orElseThrow(() -> noSuchCard(paymentMethodId));
        if (card.spentFor(paymentIntentId)) {
            throw new SpentPaymentMethod(paymentMethodId);
        }
        return card;
    }

    /**
     * The card a request body names in {@code payment_method_id} (attach, fund, redeem, subscribe, charge):
     * as {@link #chargeable} for a new payment, but an unknown, detached or foreign card is a validation
     * error of that field (422), not a missing resource, and another account's card reads exactly as an
     * unknown one. (Cards named in a path, {@code /billing/payment-methods/{id}}, answer 404 instead: see
     * {@link #owned}.)
     */
    public static Card named(Connection db, long accountId, String paymentMethodId, Instant now) {
        try {
            return chargeable(db, accountId, paymentMethodId, null, now);
        } catch (SpentPaymentMethod spent) {
            throw spent;
        } catch (ApiProblem unknown) {
            throw ApiProblem.validation(Map.of("payment_method_id", List.of("No such PaymentMethod: '" + paymentMethodId
                    + "'.")));
        }
    }

    /** Records that {@code paymentIntentId} used the card: an unsaved card is then spent for any other payment. */
    static void markUsed(Connection db, Card card, String paymentIntentId) {
        if (!card.saved()) {
            Sql.update(db, "UPDATE payment_methods SET used_by_payment_intent = COALESCE(used_by_payment_intent, ?) "
                    + "WHERE id = ?", paymentIntentId, card.id());
        }
    }

    /** One of the account's cards; 404 {@code not_found} for an unknown id or another account's card. */
    public static Card owned(Connection db, long accountId, String paymentMethodId) {
        return find(db, paymentMethodId)
                .filter(card -> card.accountId() != null && card.accountId() == accountId)
                .orElseThrow(() -> noSuchCard(paymentMethodId));
    }

    public static Optional<Card> defaultFor(Connection db, long accountId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM payment_methods WHERE account_id = ? AND detached_at IS NULL "
                + "AND is_default", PaymentMethods::map, accountId);
    }

    public static Card makeDefault(Connection db, long accountId, String paymentMethodId) {
        owned(db, accountId, paymentMethodId);
        // Only the previous default and the new one are touched (the index on account and default finds
        // them), whatever the number of the account's cards.
        Sql.update(db, "UPDATE payment_methods SET is_default = FALSE WHERE account_id = ? AND is_default AND id <> ?",
                accountId, paymentMethodId);
        Sql.update(db, "UPDATE payment_methods SET is_default = TRUE WHERE id = ? AND detached_at IS NULL", paymentMethodId);
        return find(db, paymentMethodId).orElseThrow();
    }

    /**
     * Detaches one of the account's cards. When it was the default, the most recently attached
     * remaining card becomes the default; the default after the removal, if any, is returned.
     */
    public static Optional<Card> detach(Connection db, long accountId, String paymentMethodId, Instant now) {
        Card card = owned(db, accountId, paymentMethodId);
        Sql.update(db, "UPDATE payment_methods SET detached_at = ?, is_default = FALSE WHERE id = ?", now, card.id());
        if (card.isDefault()) {
            Optional<Card> newest = Sql.one(db, "SELECT " + COLUMNS + " FROM payment_methods WHERE account_id = ? "
                    + "AND detached_at IS NULL ORDER BY attached_at DESC, id", PaymentMethods::map, accountId);
            if (newest.isPresent()) {
                return Optional.of(makeDefault(db, accountId, newest.get().id()));
            }
            return Optional.empty();
        }
        return defaultFor(db, accountId);
    }

    public static Optional<Card> find(Connection db, String paymentMethodId) {
        return Sql.one(db, "SELECT " + COLUMNS + " FROM payment_methods WHERE id = ? AND detached_at IS NULL",
                PaymentMethods::map, paymentMethodId);
    }

    private static ApiProblem noSuchCard(String paymentMethodId) {
        return new ApiProblem(404, "not_found", "No such payment method: " + paymentMethodId + ".",
                Map.of("payment_method_id", paymentMethodId));
    }

    private static Card map(Row row) {
        // Read through getObject: wasNull() after getLong would be overtaken by the next column read.
        Long accountId = row.getObject("account_id", Long.class);
        String billing = row.getString("billing_details");
        return new Card(row.getString("id"), accountId, row.getString("test_card"),
                row.getString("brand"), row.getString("last4"), row.getInt("exp_month"), row.getInt("exp_year"),
                row.getString("funding"), row.getString("country"), row.getBoolean("is_default"),
                row.getBoolean("cvc_provided"), billing == null ? null : BillingDetails.fromJson(billing),
                row.getString("metadata"), row.getBoolean("set_up"), row.instant("created_at"),
                row.getString("used_by_payment_intent"));
    }
}
