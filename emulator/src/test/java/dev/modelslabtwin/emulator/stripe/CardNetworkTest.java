package dev.modelslabtwin.emulator.stripe;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where a charge needs 3D Secure and nobody is there to pass it (off session), and Radar's default rules. */
class CardNetworkTest {

    @Test
    void aCardThatAlwaysNeedsAuthenticationIsDeclinedOffSession() {
        CardNetwork.Verdict verdict = CardNetwork.charge(card("pm_card_authenticationRequired", false), true);

        assertEquals("authentication_required", assertInstanceOf(CardNetwork.Declined.class, verdict).decline().code());
    }

    @Test
    void theAuthenticateUnlessSetUpCardGoesThroughOffSessionOnceSetUpButNotBefore() {
        assertInstanceOf(CardNetwork.Declined.class, CardNetwork.charge(card("pm_card_authenticationRequiredOnSetup", false), true));
        assertInstanceOf(CardNetwork.Approved.class, CardNetwork.charge(card("pm_card_authenticationRequiredOnSetup", true), true));
        assertInstanceOf(CardNetwork.NeedsAuthentication.class,
                CardNetwork.charge(card("pm_card_authenticationRequiredOnSetup", true), false), "on session it always asks");
    }

    @Test
    void theAlreadySetUpCardGoesThroughOffSessionAndAsksOnSession() {
        assertInstanceOf(CardNetwork.Approved.class,
                CardNetwork.charge(card("pm_card_authenticationRequiredSetupForOffSession", false), true));
        assertInstanceOf(CardNetwork.NeedsAuthentication.class,
                CardNetwork.charge(card("pm_card_authenticationRequiredSetupForOffSession", false), false));
    }

    @Test
    void theInsufficientFundsCardIsDeclinedForFundsOnceSetUpEvenOffSession() {
        CardNetwork.Verdict verdict = CardNetwork.charge(card("pm_card_authenticationRequiredChargeDeclinedInsufficientFunds",
                true), true);

        assertEquals("insufficient_funds", assertInstanceOf(CardNetwork.Declined.class, verdict).decline().declineCode());
    }

    @Test
    void radarBlocksTheHighestRiskCardsBeforeTheyReachTheIssuer() {
        CardNetwork.Declined blocked = assertInstanceOf(CardNetwork.Declined.class,
                CardNetwork.charge(card("pm_card_riskLevelHighest", false), false));

        assertEquals("fraudulent", blocked.decline().declineCode());
        assertEquals("blocked", blocked.outcome().type());
        assertEquals("not_sent_to_network", blocked.outcome().networkStatus());
        assertNull(CardNetwork.refusalOnAttach(card("pm_card_riskLevelHighest", false)), "saving the card is not a payment");
    }

    @Test
    void anElevatedRiskPaymentSucceedsWithItsRiskLevel() {
        CardNetwork.Approved approved = assertInstanceOf(CardNetwork.Approved.class,
                CardNetwork.charge(card("pm_card_riskLevelElevated", false), false));

        assertEquals("elevated", approved.outcome().riskLevel());
        assertEquals("authorized", approved.outcome().type());
    }

    private static PaymentMethods.Card card(String testId, boolean setUp) {
        TestCards.TestCard row = TestCards.byPaymentMethodShortcut(testId).orElseThrow();
        return new PaymentMethods.Card("pm_test", 1L, row.key(), row.brand(), row.last4(), 12, 2100, row.funding(),
                row.country(), false, true, null, null, setUp, Instant.EPOCH, null);
    }
}
