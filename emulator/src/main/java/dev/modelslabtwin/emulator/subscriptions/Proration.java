package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.stripe.Invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stripe's default prorations ({@code create_prorations}), to the second: leaving a plan mid-period
 * credits the unused time on it, joining one charges the time left on it, each a share of the plan's
 * price rounded to the cent.
 */
final class Proration {

    private Proration() {
    }

    /** The credit (a negative line) for the rest of the current period on {@code plan}, if any is left. */
    static Optional<Invoices.Line> unusedTime(Plans.Plan plan, StoredSubscription subscription, Instant now) {
        return share(plan, subscription, now).map(amount -> new Invoices.Line(
                "Unused time on " + plan.name() + " after " + SubscriptionInvoices.day(now), 1, amount.negate()));
    }

    /** The charge for the rest of the current period on {@code plan}, if any is left. */
    static Optional<Invoices.Line> remainingTime(Plans.Plan plan, StoredSubscription subscription, Instant now) {
        return share(plan, subscription, now).map(amount -> new Invoices.Line(
                "Remaining time on " + plan.name() + " after " + SubscriptionInvoices.day(now), 1, amount));
    }

    private static Optional<BigDecimal> share(Plans.Plan plan, StoredSubscription subscription, Instant now) {
        long left = Duration.between(now, subscription.periodEnd()).getSeconds();
        long length = Duration.between(subscription.periodStart(), subscription.periodEnd()).getSeconds();
        if (left <= 0 || length <= 0) {
            return Optional.empty();
        }
        BigDecimal amount = plan.price().multiply(BigDecimal.valueOf(Math.min(left, length)))
                .divide(BigDecimal.valueOf(length), 2, RoundingMode.HALF_UP);
        return amount.signum() == 0 ? Optional.empty() : Optional.of(amount);
    }
}
