package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.ChangePlanRequest;
import dev.modelslabtwin.client.model.Charge;
import dev.modelslabtwin.client.model.ChargeAmountRequest;
import dev.modelslabtwin.client.model.ChargeResponse;
import dev.modelslabtwin.client.model.ConfirmCheckoutRequest;
import dev.modelslabtwin.client.model.CreateSubscriptionRequest;
import dev.modelslabtwin.client.model.PlanCatalog;
import dev.modelslabtwin.client.model.PlanCatalogResponse;
import dev.modelslabtwin.client.model.Subscription;
import dev.modelslabtwin.client.model.SubscriptionAction;
import dev.modelslabtwin.client.model.SubscriptionActionResponse;
import dev.modelslabtwin.client.model.SubscriptionCheckoutConfirmation;
import dev.modelslabtwin.client.model.SubscriptionCheckoutConfirmationResponse;
import dev.modelslabtwin.client.model.SubscriptionCreation;
import dev.modelslabtwin.client.model.SubscriptionCreationResponse;
import dev.modelslabtwin.client.model.SubscriptionListResponse;
import dev.modelslabtwin.client.model.SubscriptionResponse;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.api.SubscriptionsApi;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.emulator.stripe.CardDeclined;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.wallet.Money;
import dev.modelslabtwin.emulator.wallet.Payments;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The Subscriptions operations: each brings the caller's subscriptions up to the clock, runs one
 * transaction and maps the result.
 */
public final class SubscriptionEndpoints implements SubscriptionsApi {

    private final Services services;
    private final PaymentIntents paymentIntents;
    private final CurrentSubscriptions current;

    public SubscriptionEndpoints(Services services, PaymentIntents paymentIntents, CurrentSubscriptions current) {
        this.services = services;
        this.paymentIntents = paymentIntents;
        this.current = current;
    }

    @Override
    public PlanCatalogResponse listPlans(RequestContext context) {
        List<dev.modelslabtwin.client.model.Plan> plans = database().transaction(Plans::all).stream()
                .map(plan -> new dev.modelslabtwin.client.model.Plan()
                        .id(plan.id())
                        .name(plan.name())
                        .category(plan.category())
                        .period(plan.period())
                        .interval(plan.period())
                        .type(plan.type())
                        .price(Money.usd(plan.price()))
                        .apiCallLimit(plan.apiCallLimit())
                        .rateLimit(plan.rateLimit())
                        .features(plan.features())
                        .description(plan.description()))
                .toList();
        return new PlanCatalogResponse().data(new PlanCatalog().subscriptionPlans(plans)
                .payAsYouGo(PayAsYouGoTerms.terms()).count(plans.size()));
    }

    @Override
    public SubscriptionListResponse listSubscriptions(RequestContext context) {
        catchUp(context);
        return new SubscriptionListResponse().data(database().transaction(db ->
                CurrentSubscriptions.list(db, context.accountId())));
    }

    @Override
    public SubscriptionResponse getSubscriptionStatus(RequestContext context, Long id) {
        catchUp(context);
        return new SubscriptionResponse().data(database().transaction(db ->
                CurrentSubscriptions.one(db, context.accountId(), id)));
    }

    @Override
    public SubscriptionCreationResponse createSubscription(RequestContext context, CreateSubscriptionRequest request,
                                                           String idempotencyKey) {
        Instant now = catchUp(context);
        Subscribing.Request wanted = new Subscribing.Request(request.getPlanId(), request.getPaymentMethodId(),
                text(request.getSuccessUrl()), text(request.getCancelUrl()));
        record Created(Subscribing.Outcome outcome, Subscription view) {
        }
        Created created = database().transaction(db -> {
            Subscribing.Outcome outcome = Subscribing.subscribe(db, paymentIntents, context.accountId(),
                    wanted, now);
            return new Created(outcome, outcome.subscription() == null ? null
                    : SubscriptionViews.of(db, outcome.subscription()));
        });
        Subscribing.Outcome outcome = created.outcome();
        if (outcome.checkout() != null) {
            CheckoutSessions.Session session = outcome.checkout();
            URI url = URI.create(context.publicRoot() + session.pagePath());
            return new SubscriptionCreationResponse().data(new SubscriptionCreation()
                    .message("Nothing was charged: forward checkout_url to a person, then confirm with "
                            + session.confirmedWith() + " and session_id.")
                    .status(SubscriptionCreation.StatusEnum.PENDING_CHECKOUT)
                    .checkoutUrl(url)
                    .paymentUrl(url)
                    .sessionId(session.id())
                    .expiresAt(SubscriptionViews.time(session.expiresAt()))
                    .instructions(session.instructions()));
        }
        if (outcome.payment().declined()) {
            throw CardDeclined.of(outcome.payment());
        }
        if (outcome.payment().requiresAction()) {
            throw CardDeclined.authenticationRequired(outcome.payment());
        }
        Subscription subscription = created.view();
        return new SubscriptionCreationResponse().data(new SubscriptionCreation()
                .message("Subscription created.")
                .subscription(subscription)
                .stripeSubscriptionId(subscription.getStripeSubscriptionId())
                .status(SubscriptionCreation.StatusEnum.fromValue(subscription.getStatus().getValue()))
                .payment(Payments.of(outcome.payment(), context.publicRoot())));
    }

    @Override
    public SubscriptionCheckoutConfirmationResponse confirmSubscriptionCheckout(RequestContext context,
                                                                                ConfirmCheckoutRequest request,
                                                                                String idempotencyKey) {
        Instant now = catchUp(context);
        record Confirmed(Subscribing.Confirmation confirmation, Subscription view) {
        }
        Confirmed confirmed = database().transaction(db -> {
            Subscribing.Confirmation confirmation = Subscribing.confirmCheckout(db, paymentIntents,
                    context.accountId(), request.getSessionId(), now);
            return new Confirmed(confirmation, SubscriptionViews.of(db, confirmation.subscription().id()));
        });
        boolean again = confirmed.confirmation().alreadyConfirmed();
        return new SubscriptionCheckoutConfirmationResponse().data(new SubscriptionCheckoutConfirmation()
                .message(again ? "This Checkout Session already started subscription " + confirmed.view().getId()
                        + "; nothing was started or charged again." : "Subscription activated.")
                .sessionId(confirmed.confirmation().session().id())
                .status(confirmed.view().getStatus())
                .alreadyConfirmed(again)
                .subscription(confirmed.view()));
    }

    @Override
    public SubscriptionActionResponse updateSubscription(RequestContext context, Long id, ChangePlanRequest request,
                                                         String idempotencyKey) {
        // The contract requires one of the two names; the documented one wins over the CLI's.
        long newPlanId = request.getNewPlanId() != null ? request.getNewPlanId() : request.getPlanId();
        Instant now = catchUp(context);
        PlanChanges.Outcome outcome = database().transaction(db -> PlanChanges.change(db, paymentIntents,
                context.accountId(), id, newPlanId, now));
        refuseDeclined(outcome.payment());
        String message = !outcome.changed() ? "The subscription is already on this plan; nothing changed."
                : outcome.cycleRestarted() ? "Subscription plan updated: the new plan bills another interval, so its "
                + "first period started now, less the unused time on the old plan."
                : "Subscription plan updated; the prorated difference is added to the next invoice.";
        return action(context, id, message, outcome.payment());
    }

    @Override
    public SubscriptionActionResponse pauseSubscription(RequestContext context, Long id, String idempotencyKey) {
        Instant now = catchUp(context);
        database().transaction(db -> {
            Pausing.pause(db, context.accountId(), id, now);
            return null;
        });
        return action(context, id, "Subscription paused.", null);
    }

    @Override
    public SubscriptionActionResponse resumeSubscription(RequestContext context, Long id, String idempotencyKey) {
        Instant now = catchUp(context);
        PaymentIntents.PaymentIntent payment = database().transaction(db -> Pausing.resume(db, paymentIntents,
                context.accountId(), id, now));
        refuseDeclined(payment);
        return action(context, id, payment == null ? "Subscription resumed."
                : "Subscription resumed: its paid period ended during the pause, so a new one started now.", payment);
    }

    @Override
    public SubscriptionActionResponse resetSubscriptionCycle(RequestContext context, Long id, String idempotencyKey) {
        Instant now = catchUp(context);
        PaymentIntents.PaymentIntent payment = database().transaction(db -> PeriodRestarts.resetCycle(db,
                paymentIntents, context.accountId(), id, now));
        refuseDeclined(payment);
        return action(context, id, "Billing cycle reset.", payment);
    }

    @Override
    public SubscriptionActionResponse fixSubscriptionPayment(RequestContext context, Long id, String idempotencyKey) {
        Instant now = catchUp(context);
        PaymentIntents.PaymentIntent payment = database().transaction(db -> PaymentRecovery.retry(db,
                paymentIntents, context.accountId(), id, now));
        if (payment.declined()) {
            throw CardDeclined.of(payment);
        }
        if (payment.requiresAction()) {
            throw CardDeclined.authenticationRequired(payment);
        }
        return action(context, id, "Subscription payment fixed.", payment);
    }

    @Override
    public ChargeResponse chargeSubscriptionAmount(RequestContext context, ChargeAmountRequest request,
                                                   String idempotencyKey) {
        BigDecimal amount = Money.usd(request.getAmount());
        ExtraCharges.Outcome outcome = database().transaction(db -> ExtraCharges.charge(db, paymentIntents,
                context.accountId(), amount, request.getPaymentMethodId(), services.clock().instant()));
        if (outcome.payment().declined()) {
            throw CardDeclined.of(outcome.payment());
        }
        if (outcome.payment().requiresAction()) {
            throw CardDeclined.authenticationRequired(outcome.payment());
        }
        return new ChargeResponse().data(new Charge()
                .message("Amount charged.")
                .amount(amount)
                .currency(Charge.CurrencyEnum.USD)
                .balance(outcome.balance())
                .invoiceId(outcome.invoiceId())
                .payment(Payments.of(outcome.payment(), context.publicRoot())));
    }

    /** The subscription after an action, with the charge the action made, if any. */
    private SubscriptionActionResponse action(RequestContext context, long id, String message,
                                              PaymentIntents.PaymentIntent payment) {
        Subscription subscription = database().transaction(db -> SubscriptionViews.of(db, id));
        return new SubscriptionActionResponse().data(new SubscriptionAction()
                .message(message)
                .subscription(subscription)
                .payment(payment == null ? null : Payments.of(payment, context.publicRoot())));
    }

    /** A declined charge that restarted a cycle, its PaymentIntent committed: refused now, nothing else changed. */
    private static void refuseDeclined(PaymentIntents.PaymentIntent payment) {
        if (payment != null && payment.declined()) {
            throw CardDeclined.of(payment);
        }
    }

    /** Renews what fell due on the caller's subscriptions, so the operation sees them as of now. */
    private Instant catchUp(RequestContext context) {
        return current.catchUp(context.accountId());
    }

    private Database database() {
        return services.database();
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
