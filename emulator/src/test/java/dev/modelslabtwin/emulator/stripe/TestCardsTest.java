package dev.modelslabtwin.emulator.stripe;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matrix itself: well-formed numbers and ids, each reaching exactly one row. */
class TestCardsTest {

    @Test
    void everyNumberPassesTheLuhnCheckAndNamesOneRow() {
        Set<String> numbers = new HashSet<>();
        for (TestCards.TestCard card : TestCards.all()) {
            assertTrue(CardTokens.passesLuhn(card.number()), card.number());
            if (card.numberIsOwn()) {
                assertTrue(numbers.add(card.number()), "two rows claim " + card.number());
                assertEquals(card, TestCards.byNumber(card.number()).orElseThrow());
            }
        }
    }

    @Test
    void everyTestIdIsAPaymentMethodOrATokenOfOneRow() {
        Set<String> ids = new HashSet<>();
        for (TestCards.TestCard card : TestCards.all()) {
            for (String id : card.paymentMethods()) {
                assertTrue(id.startsWith("pm_card_"), id);
                assertTrue(ids.add(id), "two rows claim " + id);
                assertEquals(card, TestCards.byPaymentMethodShortcut(id).orElseThrow());
            }
            for (String id : card.tokens()) {
                assertTrue(id.startsWith("tok_"), id);
                assertTrue(ids.add(id), "two rows claim " + id);
                assertEquals(card, TestCards.byTestToken(id).orElseThrow());
            }
        }
    }

    @Test
    void theIdsPublicTestSuitesAndTheOfficialCliUseAreKnown() {
        for (String id : new String[] {"pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds",
                "pm_card_chargeDeclinedLostCard", "pm_card_chargeDeclinedStolenCard", "pm_card_radarBlock",
                "pm_card_riskLevelHighest", "pm_card_riskLevelElevated", "pm_card_cvcCheckFail", "pm_card_createDispute",
                "pm_card_refundFail", "pm_card_us", "pm_card_amex_threeDSecureNotSupported",
                "pm_card_threeDSecureRequiredProcessingError", "pm_card_threeDSecureOptionalProcessingError"}) {
            assertTrue(TestCards.byPaymentMethodShortcut(id).isPresent(), id);
        }
        assertTrue(TestCards.byTestToken("tok_visa").isPresent());
        assertTrue(TestCards.byTestToken("tok_chargeDeclined").isPresent());
    }

    @Test
    void aRowWithoutANumberOfItsOwnIsReachedByItsIdsOnly() {
        TestCards.TestCard lost = TestCards.byTestToken("tok_visa_chargeCustomerFailLostCard").orElseThrow();

        assertEquals("lost_card", lost.chargeDecline().declineCode());
        assertEquals("4000000000000341", lost.number());
        assertEquals("pm_card_chargeCustomerFail", TestCards.byNumber(lost.number()).orElseThrow().paymentMethod());
    }
}
