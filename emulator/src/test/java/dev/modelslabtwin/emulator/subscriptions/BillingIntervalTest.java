package dev.modelslabtwin.emulator.subscriptions;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Period arithmetic: periods are counted from the anchor, so month ends stay month ends. */
class BillingIntervalTest {

    private static final Instant JANUARY_31 = Instant.parse("2026-01-31T10:00:00Z");

    @Test
    void aMonthlyCycleAnchoredOnThe31stEndsOnTheLastDayOfShorterMonthsAndReturnsToThe31st() {
        assertEquals(Instant.parse("2026-02-28T10:00:00Z"), BillingInterval.MONTHLY.periodEnd(JANUARY_31, 0));
        assertEquals(Instant.parse("2026-03-31T10:00:00Z"), BillingInterval.MONTHLY.periodEnd(JANUARY_31, 1));
        assertEquals(Instant.parse("2026-04-30T10:00:00Z"), BillingInterval.MONTHLY.periodEnd(JANUARY_31, 2));
        assertEquals(Instant.parse("2026-03-31T10:00:00Z"), BillingInterval.MONTHLY.periodStart(JANUARY_31, 2));
    }

    @Test
    void aYearlyCycleAnchoredOnALeapDayEndsOnThe28thInOrdinaryYears() {
        Instant leapDay = Instant.parse("2028-02-29T00:00:00Z");

        assertEquals(Instant.parse("2029-02-28T00:00:00Z"), BillingInterval.YEARLY.periodEnd(leapDay, 0));
        assertEquals(Instant.parse("2032-02-29T00:00:00Z"), BillingInterval.YEARLY.periodEnd(leapDay, 3));
    }

    @Test
    void theCataloguesPeriodNamesAreRecognisedAndUnknownOnesRefused() {
        assertEquals(BillingInterval.MONTHLY, BillingInterval.of("monthly"));
        assertEquals(BillingInterval.YEARLY, BillingInterval.of("Yearly"));
        assertEquals(BillingInterval.QUARTERLY, BillingInterval.of("quarterly"));
        assertThrows(IllegalArgumentException.class, () -> BillingInterval.of("fortnightly"));
    }
}
