package dev.modelslabtwin.emulator.subscriptions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * How often a plan bills, and where its periods fall. Periods are counted from the billing cycle
 * anchor rather than chained one from the other, as Stripe counts them: a subscription anchored on
 * 31 January renews on 28 (or 29) February and on 31 March again, not on the 28th ever after.
 */
enum BillingInterval {
    DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY;

    /** The plan's {@code period} as the catalogue spells it ({@code monthly}, {@code yearly}, ...). */
    static BillingInterval of(String period) {
        return switch (period == null ? "" : period.toLowerCase(Locale.ROOT)) {
            case "daily", "day" -> DAILY;
            case "weekly", "week" -> WEEKLY;
            case "monthly", "month" -> MONTHLY;
            case "quarterly", "quarter" -> QUARTERLY;
            case "yearly", "year", "annual", "annually" -> YEARLY;
            default -> throw new IllegalArgumentException("unknown billing period " + period
                    + " (daily, weekly, monthly, quarterly or yearly)");
        };
    }

    /** The end of period number {@code index} (0 is the first) of a cycle anchored at {@code anchor}. */
    Instant periodEnd(Instant anchor, int index) {
        return after(anchor, index + 1);
    }

    /** The start of period number {@code index}. */
    Instant periodStart(Instant anchor, int index) {
        return after(anchor, index);
    }

    private Instant after(Instant anchor, int periods) {
        ZonedDateTime from = anchor.atZone(ZoneOffset.UTC);
        ZonedDateTime to = switch (this) {
            case DAILY -> from.plusDays(periods);
            case WEEKLY -> from.plusWeeks(periods);
            case MONTHLY -> from.plusMonths(periods);
            case QUARTERLY -> from.plusMonths(3L * periods);
            case YEARLY -> from.plusYears(periods);
        };
        return to.toInstant();
    }
}
