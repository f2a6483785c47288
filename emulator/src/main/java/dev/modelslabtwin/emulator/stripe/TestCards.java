package dev.modelslabtwin.emulator.stripe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's published test cards and what each one does, at the step where Stripe makes it happen:
 * cards in the decline table cannot even be attached to a customer; {@code chargeCustomerFail}
 * attaches and fails when charged; the 3D Secure cards stop a charge at {@code requires_action}.
 * Source: Stripe's testing documentation (see shared/reference/stripe-test-mode.md).
 */
public final class TestCards {

    /** Why Stripe refused a card: its error {@code code}, {@code decline_code} and message. */
    public record Decline(String code, String declineCode, String message) {

        /** The decline with this {@code decline_code}: a row's, or one of the authentication declines. */
        public static Optional<Decline> byDeclineCode(String declineCode) {
            return Optional.ofNullable(BY_DECLINE_CODE.get(declineCode == null ? "" : declineCode));
        }
    }

    /** What happens to a charge that needs 3D Secure. */
    public enum Authentication {
        /** Charges go straight through. */
        NONE,
        /** Charges stop at {@code requires_action}; once approved they succeed (or meet {@code declineAfterAuthentication}). */
        REQUIRED
    }

    /** One row of the matrix. */
    public record TestCard(String number, String paymentMethod, String brand, String funding, String country,
                           Decline declineOnAttach, Decline declineOnCharge, Authentication authentication,
                           Decline declineAfterAuthentication, String behaviour) {

        public String last4() {
            return number.substring(number.length() - 4);
        }

        /** Stripe runs the CVC check only when a CVC was sent: without one, this card's decline does not happen. */
        public boolean declinesOnlyOnTheCvcCheck() {
            return declineOnAttach != null && declineOnAttach.code().equals("incorrect_cvc");
        }
    }

    private static final Decline GENERIC = new Decline("card_declined", "generic_decline", "Your card was declined.");
    private static final Decline INSUFFICIENT = new Decline("card_declined", "insufficient_funds", "Your card has insufficient funds.");
    private static final Decline LOST = new Decline("card_declined", "lost_card", "Your card was declined.");
    private static final Decline STOLEN = new Decline("card_declined", "stolen_card", "Your card was declined.");
    private static final Decline EXPIRED = new Decline("expired_card", "expired_card", "Your card has expired.");
    private static final Decline CVC = new Decline("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect.");
    private static final Decline PROCESSING = new Decline("processing_error", "processing_error",
            "An error occurred while processing your card. Try again in a little bit.");
    private static final Decline VELOCITY = new Decline("card_declined", "card_velocity_exceeded", "Your card was declined.");
    private static final Decline FRAUD = new Decline("card_declined", "fraudulent", "Your card was declined.");
    /** A charge of a card that needs 3D Secure where nobody can authenticate (off-session, or no next action). */
    public static final Decline AUTHENTICATION_REQUIRED = new Decline("authentication_required", "authentication_required",
            "This card requires authentication, which cannot be completed for this payment.");
    /** The person failed (or abandoned) 3D Secure. */
    public static final Decline AUTHENTICATION_FAILED = new Decline("authentication_required", "authentication_failed",
            "The customer did not complete 3D Secure authentication.");
    /** A card number that passes the Luhn check but is no Stripe test card: test mode refuses real cards. */
    public static final Decline LIVE_CARD_IN_TEST_MODE = new Decline("card_declined", "test_mode_live_card",
            "Your card was declined. Your request was in test mode, but used a non test (live) card. "
                    + "For a list of valid test cards, see GET /_emulator/test-cards.");

    private static final List<TestCard> MATRIX = List.of(
            ok("4242424242424242", "pm_card_visa", "visa", "credit", "US", "succeeds"),
            ok("4000056655665556", "pm_card_visa_debit", "visa", "debit", "US", "succeeds (debit)"),
            ok("5555555555554444", "pm_card_mastercard", "mastercard", "credit", "US", "succeeds"),
            ok("2223003122003222", null, "mastercard", "credit", "US", "succeeds (2-series)"),
            ok("5200828282828210", "pm_card_mastercard_debit", "mastercard", "debit", "US", "succeeds (debit)"),
            ok("5105105105105100", "pm_card_mastercard_prepaid", "mastercard", "prepaid", "US", "succeeds (prepaid)"),
            ok("378282246310005", "pm_card_amex", "amex", "credit", "US", "succeeds"),
            ok("371449635398431", null, "amex", "credit", "US", "succeeds"),
            ok("6011111111111117", "pm_card_discover", "discover", "credit", "US", "succeeds"),
            ok("3056930009020004", "pm_card_diners", "diners", "credit", "US", "succeeds"),
            ok("3566002020360505", "pm_card_jcb", "jcb", "credit", "JP", "succeeds"),
            ok("6200000000000005", "pm_card_unionpay", "unionpay", "credit", "CN", "succeeds"),
            ok("4000000000000077", "pm_card_bypassPending", "visa", "credit", "US", "succeeds, funds available at once"),
            declined("4000000000000002", "pm_card_visa_chargeDeclined", GENERIC),
            declined("4000000000009995", "pm_card_visa_chargeDeclinedInsufficientFunds", INSUFFICIENT),
            declined("4000000000009987", "pm_card_visa_chargeDeclinedLostCard", LOST),
            declined("4000000000009979", "pm_card_visa_chargeDeclinedStolenCard", STOLEN),
            declined("4000000000000069", "pm_card_chargeDeclinedExpiredCard", EXPIRED),
            declined("4000000000000127", "pm_card_chargeDeclinedIncorrectCvc", CVC),
            declined("4000000000000119", "pm_card_chargeDeclinedProcessingError", PROCESSING),
            declined("4000000000006975", "pm_card_visa_chargeDeclinedVelocityLimitExceeded", VELOCITY),
            declined("4100000000000019", "pm_card_chargeDeclinedFraudulent", FRAUD),
            new TestCard("4000000000000341", "pm_card_chargeCustomerFail", "visa", "credit", "US", null, GENERIC,
                    Authentication.NONE, null, "attaches, then every charge is declined (generic_decline)"),
            threeDs("4000002500003155", "pm_card_authenticationRequiredOnSetup", null, "charges need 3D Secure"),
            threeDs("4000002760003184", "pm_card_authenticationRequired", null, "every charge needs 3D Secure"),
            threeDs("4000000000003220", "pm_card_threeDSecure2Required", null, "3D Secure 2 required, then succeeds"),
            threeDs("4000008260003178", "pm_card_authenticationRequiredChargeDeclinedInsufficientFunds", INSUFFICIENT,
                    "3D Secure required, then declined (insufficient_funds)"),
            threeDs("4000008400001629", "pm_card_threeDSecureRequiredChargeDeclined", GENERIC,
                    "3D Secure required, then declined (generic_decline)"),
            ok("4000003800000446", "pm_card_authenticationRequiredSetupForOffSession", "visa", "credit", "US",
                    "set up for off-session use: server-side charges succeed"),
            ok("4000000000003055", "pm_card_threeDSecureOptional", "visa", "credit", "US", "3D Secure supported, not required"),
            ok("4000008260000000", null, "visa", "credit", "GB", "succeeds (United Kingdom)"),
            ok("4000002760000016", null, "visa", "credit", "DE", "succeeds (Germany)"),
            ok("4000000000009235", null, "visa", "credit", "US", "succeeds (Radar risk elevated; reviews are not emulated)"),
            ok("4000000000000028", null, "visa", "credit", "US", "succeeds (address line1 check fails; not emulated)"),
            ok("4000000000000044", null, "visa", "credit", "US", "succeeds (address checks unavailable; not emulated)"),
            ok("4000000000000259", null, "visa", "credit", "US", "succeeds (disputes are not emulated)"),
            ok("4000000000002685", null, "visa", "credit", "US", "succeeds (disputes are not emulated)"),
            ok("4000000000001976", null, "visa", "credit", "US", "succeeds (disputes are not emulated)"),
            ok("4000000000005423", null, "visa", "credit", "US", "succeeds (early fraud warnings are not emulated)"),
            ok("4000000000007726", null, "visa", "credit", "US", "succeeds (refunds are not emulated)"),
            ok("4000000000005126", null, "visa", "credit", "US", "succeeds (refunds are not emulated)"));

    private static final Map<String, TestCard> BY_NUMBER = index(true);
    private static final Map<String, TestCard> BY_PAYMENT_METHOD = index(false);
    private static final Map<String, Decline> BY_DECLINE_CODE = declines();

    private TestCards() {
    }

    /** Every row, in the order of Stripe's documentation. */
    public static List<TestCard> all() {
        return MATRIX;
    }

    public static Optional<TestCard> byNumber(String number) {
        return Optional.ofNullable(BY_NUMBER.get(number == null ? "" : number.replaceAll("[\\s-]", "")));
    }

    /** A {@code pm_card_*} shortcut, as Stripe's test mode accepts it wherever a PaymentMethod id goes. */
    public static Optional<TestCard> byPaymentMethodShortcut(String paymentMethod) {
        return Optional.ofNullable(BY_PAYMENT_METHOD.get(paymentMethod));
    }

    private static TestCard ok(String number, String pm, String brand, String funding, String country, String behaviour) {
        return new TestCard(number, pm, brand, funding, country, null, null, Authentication.NONE, null, behaviour);
    }

    private static TestCard declined(String number, String pm, Decline decline) {
        return new TestCard(number, pm, "visa", "credit", "US", decline, decline, Authentication.NONE, null,
                "refused on attach and on charge (" + decline.declineCode() + ")");
    }

    private static TestCard threeDs(String number, String pm, Decline after, String behaviour) {
        return new TestCard(number, pm, "visa", "credit", "US", null, null, Authentication.REQUIRED, after, behaviour);
    }

    private static Map<String, Decline> declines() {
        Map<String, Decline> index = new LinkedHashMap<>();
        for (TestCard card : MATRIX) {
            for (Decline decline : new Decline[] {card.declineOnAttach(), card.declineOnCharge(), card.declineAfterAuthentication()}) {
                if (decline != null) {
                    index.putIfAbsent(decline.declineCode(), decline);
                }
            }
        }
        for (Decline decline : new Decline[] {AUTHENTICATION_REQUIRED, AUTHENTICATION_FAILED, LIVE_CARD_IN_TEST_MODE}) {
            index.putIfAbsent(decline.declineCode(), decline);
        }
        return Map.copyOf(index);
    }

    private static Map<String, TestCard> index(boolean byNumber) {
        Map<String, TestCard> index = new LinkedHashMap<>();
        for (TestCard card : MATRIX) {
            String key = byNumber ? card.number() : card.paymentMethod();
            if (key != null) {
                index.put(key, card);
            }
        }
        return Map.copyOf(index);
    }
}
