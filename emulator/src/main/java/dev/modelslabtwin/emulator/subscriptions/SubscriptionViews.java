package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.Subscription;
import dev.modelslabtwin.client.model.SubscriptionPaymentError;
import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.emulator.wallet.Money;

import java.math.BigDecimal;
import java.sql.Connection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A stored subscription as the API shows it: with its plan's name, price and interval, and what it will charge or owes. */
final class SubscriptionViews {

    private SubscriptionViews() {
    }

    static Subscription of(Connection db, long id) {
        return of(db, Subscriptions.find(db, id).orElseThrow());
    }

    static Subscription of(Connection db, StoredSubscription stored) {
        Plans.Plan plan = Plans.existing(db, stored.planId());
        BigDecimal pending = PendingItems.total(db, stored.id());
        Subscription view = new Subscription()
                .id(stored.id())
                .planId(plan.id())
                .planName(plan.name())
                .feature(plan.category())
                .status(stored.status())
                .amount(Money.usd(plan.price()))
                .currency(Subscription.CurrencyEnum.USD)
                .interval(plan.period())
                .stripeSubscriptionId(stored.stripeId())
                .currentPeriodStart(time(stored.periodStart()))
                .currentPeriodEnd(time(stored.periodEnd()))
                .nextBillingDate(stored.renews() ? time(stored.periodEnd()) : null)
                .createdAt(time(stored.createdAt()))
                .paymentMethodId(stored.paymentMethodId())
                .pausedAt(time(stored.pausedAt()))
                .canceledAt(time(stored.canceledAt()));
        if (stored.renews()) {
            view.nextInvoiceAmount(Money.usd(plan.price().add(pending).max(BigDecimal.ZERO)));
        }
        if (stored.is(SubscriptionStatus.PAST_DUE)) {
            view.amountDue(Money.usd(pending)).pastDueSince(time(stored.pastDueSince()));
        }
        if (stored.is(SubscriptionStatus.PAST_DUE) && stored.lastDeclineCode() != null) {
            view.lastPaymentError(new SubscriptionPaymentError()
                    .declineCode(stored.lastDeclineCode())
                    .message(stored.lastPaymentError())
                    .paymentIntentId(stored.lastPaymentIntentId()));
        }
        return view;
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
