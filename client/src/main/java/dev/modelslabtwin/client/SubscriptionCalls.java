package dev.modelslabtwin.client;

import dev.modelslabtwin.client.api.SubscriptionsApi;
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

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Plans and the subscription lifecycle. Unlike wallet funding, a card needing 3D Secure is declined here
 * (402 {@code payment_declined}, {@code decline_code: authentication_required}, see
 * {@link PaymentFlows#needsAuthentication}): use {@link #createCheckout} for such cards.
 */
public final class SubscriptionCalls {

    private final SubscriptionsApi api;
    private final CallRunner runner;

    SubscriptionCalls(SubscriptionsApi api, CallRunner runner) {
        this.api = api;
        this.runner = runner;
    }

    /** The plans a subscription can be created for, plus the pay-as-you-go option. */
    public PlanCatalog plans() {
        return runner.read("listPlans", api::listPlansWithHttpInfo, PlanCatalogResponse::getData);
    }

    /** Every subscription of the account, whatever its status, newest first. */
    public List<Subscription> list() {
        return runner.read("listSubscriptions", api::listSubscriptionsWithHttpInfo, SubscriptionListResponse::getData);
    }

    /**
     * Headless: saves {@code paymentMethodId} to the account and charges it the first period (null: a
     * Checkout Session, charging nothing, as {@link #createCheckout}).
     */
    public SubscriptionCreation create(long planId, String paymentMethodId) {
        return create(new CreateSubscriptionRequest().planId(planId).paymentMethodId(paymentMethodId), null);
    }

    /**
     * Human-assisted: opens a Checkout Session whose {@code checkout_url} a person pays; then
     * {@link PaymentFlows#awaitSubscriptionCheckout} waits for it.
     */
    public SubscriptionCreation createCheckout(long planId, String successUrl, String cancelUrl) {
        return create(new CreateSubscriptionRequest().planId(planId)
                .successUrl(successUrl == null ? null : URI.create(successUrl))
                .cancelUrl(cancelUrl == null ? null : URI.create(cancelUrl)), null);
    }

    public SubscriptionCreation create(CreateSubscriptionRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        return runner.keyedWrite("createSubscription", idempotencyKey, key -> api.createSubscriptionWithHttpInfo(request, key),
                SubscriptionCreationResponse::getData);
    }

    /** Activates the subscription of a paid Checkout Session; 409 {@code checkout_not_completed} while unpaid. */
    public SubscriptionCheckoutConfirmation confirmCheckout(String sessionId) {
        return confirmCheckout(sessionId, null);
    }

    public SubscriptionCheckoutConfirmation confirmCheckout(String sessionId, String idempotencyKey) {
        ConfirmCheckoutRequest request = new ConfirmCheckoutRequest().sessionId(Objects.requireNonNull(sessionId, "sessionId"));
        return runner.keyedWrite("confirmSubscriptionCheckout", idempotencyKey,
                key -> api.confirmSubscriptionCheckoutWithHttpInfo(request, key), SubscriptionCheckoutConfirmationResponse::getData);
    }

    /** One subscription and its status. */
    public Subscription status(long subscriptionId) {
        return runner.read("getSubscriptionStatus", () -> api.getSubscriptionStatusWithHttpInfo(subscriptionId),
                SubscriptionResponse::getData);
    }

    /** Moves to another plan from the next period; the difference is prorated on the next invoice. */
    public SubscriptionAction changePlan(long subscriptionId, long newPlanId) {
        return changePlan(subscriptionId, newPlanId, null);
    }

    public SubscriptionAction changePlan(long subscriptionId, long newPlanId, String idempotencyKey) {
        ChangePlanRequest request = new ChangePlanRequest().newPlanId(newPlanId);
        return runner.keyedWrite("updateSubscription", idempotencyKey,
                key -> api.updateSubscriptionWithHttpInfo(subscriptionId, request, key), SubscriptionActionResponse::getData);
    }

    /** Stops billing an active or trialing subscription until it is resumed. */
    public SubscriptionAction pause(long subscriptionId) {
        return pause(subscriptionId, null);
    }

    public SubscriptionAction pause(long subscriptionId, String idempotencyKey) {
        return runner.keyedWrite("pauseSubscription", idempotencyKey,
                key -> api.pauseSubscriptionWithHttpInfo(subscriptionId, key), SubscriptionActionResponse::getData);
    }

    /** Reactivates a paused subscription. */
    public SubscriptionAction resume(long subscriptionId) {
        return resume(subscriptionId, null);
    }

    public SubscriptionAction resume(long subscriptionId, String idempotencyKey) {
        return runner.keyedWrite("resumeSubscription", idempotencyKey,
                key -> api.resumeSubscriptionWithHttpInfo(subscriptionId, key), SubscriptionActionResponse::getData);
    }

    /** Restarts the billing period today, charging the new period now. */
    public SubscriptionAction resetCycle(long subscriptionId) {
        return resetCycle(subscriptionId, null);
    }

    public SubscriptionAction resetCycle(long subscriptionId, String idempotencyKey) {
        return runner.keyedWrite("resetSubscriptionCycle", idempotencyKey,
                key -> api.resetSubscriptionCycleWithHttpInfo(subscriptionId, key), SubscriptionActionResponse::getData);
    }

    /** Charges the default card a custom amount, credited to the wallet as a subscription top-up. */
    public Charge chargeAmount(BigDecimal amount) {
        return chargeAmount(amount, null);
    }

    /** As {@link #chargeAmount(BigDecimal)} on a named card. */
    public Charge chargeAmount(BigDecimal amount, String paymentMethodId) {
        return chargeAmount(new ChargeAmountRequest().amount(WalletCalls.requireAmount(amount)).paymentMethodId(paymentMethodId), null);
    }

    public Charge chargeAmount(ChargeAmountRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        return runner.keyedWrite("chargeSubscriptionAmount", idempotencyKey,
                key -> api.chargeSubscriptionAmountWithHttpInfo(request, key), ChargeResponse::getData);
    }

    /** Retries the open invoice of a {@code past_due} subscription on the default card. */
    public SubscriptionAction fixPayment(long subscriptionId) {
        return fixPayment(subscriptionId, null);
    }

    public SubscriptionAction fixPayment(long subscriptionId, String idempotencyKey) {
        return runner.keyedWrite("fixSubscriptionPayment", idempotencyKey,
                key -> api.fixSubscriptionPaymentWithHttpInfo(subscriptionId, key), SubscriptionActionResponse::getData);
    }
}
