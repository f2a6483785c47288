package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.emulator.Services;
import dev.modelslabtwin.emulator.api.SubscriptionsApi;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.client.model.ChangePlanRequest;
import dev.modelslabtwin.client.model.ChargeAmountRequest;
import dev.modelslabtwin.client.model.ChargeResponse;
import dev.modelslabtwin.client.model.ConfirmCheckoutRequest;
import dev.modelslabtwin.client.model.CreateSubscriptionRequest;
import dev.modelslabtwin.client.model.ErrorEnvelope;
import dev.modelslabtwin.client.model.PlanCatalogResponse;
import dev.modelslabtwin.client.model.SubscriptionActionResponse;
import dev.modelslabtwin.client.model.SubscriptionCheckoutConfirmationResponse;
import dev.modelslabtwin.client.model.SubscriptionCreationResponse;
import dev.modelslabtwin.client.model.SubscriptionListResponse;
import dev.modelslabtwin.client.model.SubscriptionResponse;

/** The Subscriptions operations. */
public final class SubscriptionEndpoints implements SubscriptionsApi {

    private final Services services;

    public SubscriptionEndpoints(Services services) {
        this.services = services;
    }

    @Override
    public ChargeResponse chargeSubscriptionAmount(RequestContext context, ChargeAmountRequest chargeAmountRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SubscriptionCheckoutConfirmationResponse confirmSubscriptionCheckout(RequestContext context, ConfirmCheckoutRequest confirmCheckoutRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SubscriptionCreationResponse createSubscription(RequestContext context, CreateSubscriptionRequest createSubscriptionRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SubscriptionActionResponse fixSubscriptionPayment(RequestContext context, Long id, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SubscriptionResponse getSubscriptionStatus(RequestContext context, Long id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public PlanCatalogResponse listPlans(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SubscriptionListResponse listSubscriptions(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SubscriptionActionResponse pauseSubscription(RequestContext context, Long id, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SubscriptionActionResponse resetSubscriptionCycle(RequestContext context, Long id, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SubscriptionActionResponse resumeSubscription(RequestContext context, Long id, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SubscriptionActionResponse updateSubscription(RequestContext context, Long id, ChangePlanRequest changePlanRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
