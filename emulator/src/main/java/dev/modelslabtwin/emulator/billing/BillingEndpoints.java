package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.emulator.Services;
import dev.modelslabtwin.emulator.api.BillingApi;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.client.model.AttachPaymentMethodRequest;
import dev.modelslabtwin.client.model.BillingInfoResponse;
import dev.modelslabtwin.client.model.BillingOverviewResponse;
import dev.modelslabtwin.client.model.ErrorEnvelope;
import dev.modelslabtwin.client.model.InvoiceDetailResponse;
import dev.modelslabtwin.client.model.InvoiceListResponse;
import dev.modelslabtwin.client.model.InvoicePdfResponse;
import dev.modelslabtwin.client.model.PaymentLinkRequest;
import dev.modelslabtwin.client.model.PaymentLinkResponse;
import dev.modelslabtwin.client.model.PaymentMethodListResponse;
import dev.modelslabtwin.client.model.PaymentMethodRemovedResponse;
import dev.modelslabtwin.client.model.PaymentMethodResponse;
import dev.modelslabtwin.client.model.SetupIntentResponse;
import dev.modelslabtwin.client.model.StripeConfigResponse;
import dev.modelslabtwin.client.model.UpdateBillingInfoRequest;

/** The Billing operations. */
public final class BillingEndpoints implements BillingApi {

    private final Services services;

    public BillingEndpoints(Services services) {
        this.services = services;
    }

    @Override
    public PaymentMethodResponse attachPaymentMethod(RequestContext context, AttachPaymentMethodRequest attachPaymentMethodRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public PaymentLinkResponse createPaymentLink(RequestContext context, PaymentLinkRequest paymentLinkRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SetupIntentResponse createSetupIntent(RequestContext context, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public BillingInfoResponse getBillingInfo(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public BillingOverviewResponse getBillingOverview(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public InvoiceDetailResponse getInvoice(RequestContext context, String id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public InvoicePdfResponse getInvoicePdf(RequestContext context, String id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public StripeConfigResponse getStripeConfig(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public InvoiceListResponse listInvoices(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public PaymentMethodListResponse listPaymentMethods(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public PaymentMethodRemovedResponse removePaymentMethod(RequestContext context, String id, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public PaymentMethodResponse setDefaultPaymentMethod(RequestContext context, String id, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public BillingInfoResponse updateBillingInfo(RequestContext context, UpdateBillingInfoRequest updateBillingInfoRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
