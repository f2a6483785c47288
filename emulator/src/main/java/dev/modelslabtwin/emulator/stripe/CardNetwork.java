package dev.modelslabtwin.emulator.stripe;

import dev.modelslabtwin.emulator.stripe.TestCards.Check;
import dev.modelslabtwin.emulator.stripe.TestCards.Decline;
import dev.modelslabtwin.emulator.stripe.TestCards.Risk;
import dev.modelslabtwin.emulator.stripe.TestCards.TestCard;

/**
 * What Radar, 3D Secure and the card's issuer make of a test card, step by step, as Stripe's test mode
 * does: when the card is saved (attached to a customer, or a SetupIntent confirmed), and when it is
 * charged, on session (someone can pass 3D Secure) or off session. The fake Stripe account runs Radar's
 * default rules: it blocks payments of risk level {@code highest}, and payments whose CVC or postal code
 * check failed (the checks run only when a CVC or postal code was sent).
 */
public final class CardNetwork {

    /** A check's result when the data it checks was sent, or null (Stripe's value when nothing was sent). */
    public record Checks(String cvc, String postalCode, String line1) {
    }

    /** Stripe's {@code Charge.outcome}: who decided ({@code type}), and why ({@code reason}: a decline code, a risk level). */
    public record Outcome(String type, String networkStatus, String reason, String riskLevel, int riskScore) {

        public String sellerMessage() {
            return switch (type) {
                case "authorized" -> "Payment complete.";
                case "blocked" -> "Stripe blocked this payment as too risky.";
                default -> "The bank returned the decline code `" + reason + "`.";
            };
        }

        /** What Stripe advises after the decline, or null for an authorised charge. */
        public String adviceCode() {
            return switch (type) {
                case "blocked" -> "do_not_try_again";
                case "issuer_declined" -> TestCards.Decline.byDeclineCode(reason).map(CardNetwork::adviceCode).orElse(null);
                default -> null;
            };
        }
    }

    /** What a charge attempt came to. */
    public sealed interface Verdict permits Approved, Declined, NeedsAuthentication {
    }

    /** Authorised: the charge succeeds. */
    public record Approved(Outcome outcome) implements Verdict {
    }

    /** Refused by Radar or the issuer. */
    public record Declined(Decline decline, Outcome outcome) implements Verdict {
    }

    /** The customer must pass 3D Secure first. */
    public record NeedsAuthentication() implements Verdict {
    }

    private CardNetwork() {
    }

    /** The card's checks as Stripe reports them once run: the row's result for what was sent, null for the rest. */
    public static Checks checks(PaymentMethods.Card card) {
        TestCard row = card.testCard();
        return new Checks(card.cvcProvided() ? row.cvcCheck().value() : null,
                card.postalCodeSent() ? row.postalCodeCheck().value() : null,
                card.line1Sent() ? row.line1Check().value() : null);
    }

    /** Why Stripe refuses to save the card (attach it to a customer, or succeed a SetupIntent), or null. */
    public static Decline refusalOnAttach(PaymentMethods.Card card) {
        TestCard row = card.testCard();
        Decline issuer = issuerDecline(card, row.issuerDecline());
        if (issuer != null) {
            return issuer;
        }
        if (row.radarBlock()) {
            return TestCards.FRAUDULENT;
        }
        if (row.threeDSecure() == TestCards.ThreeDSecure.LOOKUP_FAILS) {
            return TestCards.Decline.byDeclineCode("generic_decline").orElseThrow();
        }
        return failedCheck(card, row);
    }

    /**
     * A charge of the card: Radar first, then 3D Secure ({@code offSession}: nobody can pass it), then
     * the issuer and the checks.
     */
    public static Verdict charge(PaymentMethods.Card card, boolean offSession) {
        TestCard row = card.testCard();
        if (row.radarBlock() || row.risk() == Risk.HIGHEST) {
            return new Declined(TestCards.FRAUDULENT, blocked(row));
        }
        switch (row.threeDSecure()) {
            case REQUIRED -> {
                if (!offSession) {
                    return new NeedsAuthentication();
                }
                if (card.setUp() && row.declineAfterAuthentication() != null) {
                    return issuerDeclined(row, row.declineAfterAuthentication());
                }
                return issuerDeclined(row, TestCards.AUTHENTICATION_REQUIRED);
            }
            case REQUIRED_UNLESS_SET_UP -> {
                if (!offSession) {
                    return new NeedsAuthentication();
                }
                if (!card.setUp()) {
                    return issuerDeclined(row, TestCards.AUTHENTICATION_REQUIRED);
                }
            }
            case REQUIRED_ON_SESSION -> {
                if (!offSession) {
                    return new NeedsAuthentication();
                }
            }
            case LOOKUP_FAILS -> {
                return issuerDeclined(row, TestCards.Decline.byDeclineCode("generic_decline").orElseThrow());
            }
            default -> {
                // 3D Secure not requested: straight to the issuer.
            }
        }
        return authorise(card);
    }

    /** The charge once the customer passed 3D Secure. */
    public static Verdict afterAuthentication(PaymentMethods.Card card) {
        TestCard row = card.testCard();
        if (row.declineAfterAuthentication() != null) {
            return issuerDeclined(row, row.declineAfterAuthentication());
        }
        return authorise(card);
    }

    /** The advice Stripe gives with a decline ({@code advice_code}), as recorded against real test mode; null when unknown. */
    public static String adviceCode(Decline decline) {
        return switch (decline.declineCode()) {
            case "generic_decline", "insufficient_funds", "processing_error", "card_velocity_exceeded" -> "try_again_later";
            case "lost_card", "stolen_card", "fraudulent" -> "do_not_try_again";
            case "expired_card", "incorrect_cvc", "incorrect_zip" -> "confirm_card_data";
            default -> null;
        };
    }

    private static Verdict authorise(PaymentMethods.Card card) {
        TestCard row = card.testCard();
        Decline issuer = issuerDecline(card, row.chargeDecline());
        if (issuer != null) {
            return issuerDeclined(row, issuer);
        }
        Decline check = failedCheck(card, row);
        if (check != null) {
            return issuerDeclined(row, check);
        }
        return new Approved(new Outcome("authorized", "approved_by_network", null, riskLevel(row), riskScore(row)));
    }

    /** An issuer's decline of the card; an incorrect-CVC decline happens only when a CVC was sent. */
    private static Decline issuerDecline(PaymentMethods.Card card, Decline decline) {
        if (decline == null || decline.code().equals("incorrect_cvc") && !card.cvcProvided()) {
            return null;
        }
        return decline;
    }

    private static Decline failedCheck(PaymentMethods.Card card, TestCard row) {
        if (card.cvcProvided() && row.cvcCheck() == Check.FAIL) {
            return TestCards.INCORRECT_CVC;
        }
        if (card.postalCodeSent() && row.postalCodeCheck() == Check.FAIL) {
            return TestCards.INCORRECT_ZIP;
        }
        return null;
    }

    private static Declined issuerDeclined(TestCard row, Decline decline) {
        return new Declined(decline, new Outcome("issuer_declined", "declined_by_network", decline.declineCode(),
                riskLevel(row), riskScore(row)));
    }

    private static Outcome blocked(TestCard row) {
        return new Outcome("blocked", "not_sent_to_network", "highest_risk_level", "highest", riskScore(row));
    }

    private static String riskLevel(TestCard row) {
        return row.risk().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Illustrative scores within each level's band (Stripe does not document the test cards' exact scores). */
    private static int riskScore(TestCard row) {
        return switch (row.risk()) {
            case NORMAL -> 20;
            case ELEVATED -> 70;
            case HIGHEST -> 95;
        };
    }
}
