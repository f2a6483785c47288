package dev.modelslabtwin.emulator.stripe;

import java.time.Instant;

/**
 * What a test card does at each of Stripe's steps when everything a check needs is sent (a CVC, a postal
 * code, an address line 1): refused or not when saved, and its on-session charge — before and after 3D
 * Secure. Read off {@link CardNetwork} itself, for the test-card listing and its documentation.
 */
public record TestCardSteps(TestCards.TestCard card, TestCards.Decline onAttach, CardNetwork.Verdict onCharge,
                            CardNetwork.Verdict afterAuthentication) {

    /** Where the card first fails: {@code attach}, {@code charge}, {@code after_authentication}, or null. */
    public String failsAt() {
        if (onAttach != null) {
            return "attach";
        }
        if (onCharge instanceof CardNetwork.Declined) {
            return "charge";
        }
        if (onCharge instanceof CardNetwork.NeedsAuthentication && afterAuthentication instanceof CardNetwork.Declined) {
            return "after_authentication";
        }
        return null;
    }

    /** The first failure, at the step {@link #failsAt()} names, or null. */
    public TestCards.Decline failure() {
        if (onAttach != null) {
            return onAttach;
        }
        if (onCharge instanceof CardNetwork.Declined declined) {
            return declined.decline();
        }
        return afterAuthentication instanceof CardNetwork.Declined declined ? declined.decline() : null;
    }

    /** The decline of a charge (of the card unattached, when Stripe refuses to attach it), or null. */
    public TestCards.Decline chargeDecline() {
        return onCharge instanceof CardNetwork.Declined declined ? declined.decline() : null;
    }

    public boolean requiresAuthentication() {
        return onCharge instanceof CardNetwork.NeedsAuthentication;
    }

    public TestCards.Decline declineAfterAuthentication() {
        return afterAuthentication instanceof CardNetwork.Declined declined ? declined.decline() : null;
    }

    /** The steps of {@code card}, sent with a CVC and a full address, never set up before. */
    public static TestCardSteps of(TestCards.TestCard card) {
        PaymentMethods.Card sample = new PaymentMethods.Card("pm_sample", null, card.key(), card.brand(), card.last4(), 12,
                2100, card.funding(), card.country(), false, true, null, null, false, Instant.EPOCH, null);
        CardNetwork.Verdict charge = CardNetwork.charge(sample, false);
        CardNetwork.Verdict after = charge instanceof CardNetwork.NeedsAuthentication
                ? CardNetwork.afterAuthentication(sample) : null;
        return new TestCardSteps(card, CardNetwork.refusalOnAttach(sample), charge, after);
    }
}
