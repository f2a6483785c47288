package dev.modelslabtwin.client;

import dev.modelslabtwin.client.api.BillingApi;
import dev.modelslabtwin.client.model.AttachPaymentMethodRequest;
import dev.modelslabtwin.client.model.BillingInfo;
import dev.modelslabtwin.client.model.BillingInfoResponse;
import dev.modelslabtwin.client.model.BillingOverview;
import dev.modelslabtwin.client.model.BillingOverviewResponse;
import dev.modelslabtwin.client.model.Invoice;
import dev.modelslabtwin.client.model.InvoiceDetail;
import dev.modelslabtwin.client.model.InvoiceDetailResponse;
import dev.modelslabtwin.client.model.InvoiceListResponse;
import dev.modelslabtwin.client.model.InvoicePdf;
import dev.modelslabtwin.client.model.InvoicePdfResponse;
import dev.modelslabtwin.client.model.PaymentLink;
import dev.modelslabtwin.client.model.PaymentLinkRequest;
import dev.modelslabtwin.client.model.PaymentLinkResponse;
import dev.modelslabtwin.client.model.PaymentMethod;
import dev.modelslabtwin.client.model.PaymentMethodListResponse;
import dev.modelslabtwin.client.model.PaymentMethodRemoved;
import dev.modelslabtwin.client.model.PaymentMethodRemovedResponse;
import dev.modelslabtwin.client.model.PaymentMethodResponse;
import dev.modelslabtwin.client.model.PaymentPurpose;
import dev.modelslabtwin.client.model.SetupIntent;
import dev.modelslabtwin.client.model.SetupIntentResponse;
import dev.modelslabtwin.client.model.StripeConfig;
import dev.modelslabtwin.client.model.StripeConfigResponse;
import dev.modelslabtwin.client.model.UpdateBillingInfoRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Billing: Stripe configuration, payment links, setup intents, saved cards, billing profile and invoices.
 * Three answers are documented unwrapped by the live API (stripe-config, payment-link, invoice PDF);
 * for those the top-level fields are read when {@code data} is missing, so both server forms work.
 */
public final class BillingCalls {

    private final BillingApi api;
    private final CallRunner runner;

    BillingCalls(BillingApi api, CallRunner runner) {
        this.api = api;
        this.runner = runner;
    }

    /** Wallet summary, cards, subscriptions and invoice count in one call. */
    public BillingOverview overview() {
        return runner.read("getBillingOverview", api::getBillingOverviewWithHttpInfo, BillingOverviewResponse::getData);
    }

    /** The publishable key to tokenise cards with Stripe directly; fetch it each time, it rotates. */
    public StripeConfig stripeConfig() {
        return runner.read("getStripeConfig", api::getStripeConfigWithHttpInfo, BillingCalls::stripeConfigOf);
    }

    /** A SetupIntent for saving a card that needs 3D Secure; see {@link PaymentFlows#startCardSetup}. */
    public SetupIntent createSetupIntent() {
        return createSetupIntent(null);
    }

    public SetupIntent createSetupIntent(String idempotencyKey) {
        return runner.keyedWrite("createSetupIntent", idempotencyKey, api::createSetupIntentWithHttpInfo,
                SetupIntentResponse::getData);
    }

    /** A Stripe-hosted page a person can pay to fund the wallet; confirm with the session id afterwards. */
    public PaymentLink createPaymentLinkToFund(BigDecimal amount) {
        return createPaymentLinkToFund(amount, null);
    }

    public PaymentLink createPaymentLinkToFund(BigDecimal amount, String idempotencyKey) {
        return createPaymentLink(new PaymentLinkRequest().purpose(PaymentPurpose.FUND)
                .amount(WalletCalls.requireAmount(amount)), idempotencyKey);
    }

    /** A Stripe-hosted page a person can pay to subscribe to {@code planId}. */
    public PaymentLink createPaymentLinkToSubscribe(long planId) {
        return createPaymentLinkToSubscribe(planId, null);
    }

    public PaymentLink createPaymentLinkToSubscribe(long planId, String idempotencyKey) {
        return createPaymentLink(new PaymentLinkRequest().purpose(PaymentPurpose.SUBSCRIBE).planId(planId), idempotencyKey);
    }

    public PaymentLink createPaymentLink(PaymentLinkRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        return runner.keyedWrite("createPaymentLink", idempotencyKey, key -> api.createPaymentLinkWithHttpInfo(request, key),
                BillingCalls::paymentLinkOf);
    }

    /** The saved cards, default first. */
    public List<PaymentMethod> paymentMethods() {
        return runner.read("listPaymentMethods", api::listPaymentMethodsWithHttpInfo, PaymentMethodListResponse::getData);
    }

    /** Attaches a {@code pm_...} created with Stripe and makes it the default card. */
    public PaymentMethod attachPaymentMethod(String paymentMethodId) {
        return attachPaymentMethod(paymentMethodId, true);
    }

    public PaymentMethod attachPaymentMethod(String paymentMethodId, boolean makeDefault) {
        return attachPaymentMethod(paymentMethodId, makeDefault, null);
    }

    public PaymentMethod attachPaymentMethod(String paymentMethodId, boolean makeDefault, String idempotencyKey) {
        AttachPaymentMethodRequest request = new AttachPaymentMethodRequest()
                .paymentMethodId(Objects.requireNonNull(paymentMethodId, "paymentMethodId"))
                .makeDefault(makeDefault);
        return runner.keyedWrite("attachPaymentMethod", idempotencyKey, key -> api.attachPaymentMethodWithHttpInfo(request, key),
                PaymentMethodResponse::getData);
    }

    /** Makes a saved card the one headless charges use when no card is named. */
    public PaymentMethod setDefaultPaymentMethod(String paymentMethodId) {
        return setDefaultPaymentMethod(paymentMethodId, null);
    }

    public PaymentMethod setDefaultPaymentMethod(String paymentMethodId, String idempotencyKey) {
        Objects.requireNonNull(paymentMethodId, "paymentMethodId");
        return runner.keyedWrite("setDefaultPaymentMethod", idempotencyKey,
                key -> api.setDefaultPaymentMethodWithHttpInfo(paymentMethodId, key), PaymentMethodResponse::getData);
    }

    /** Detaches a card; when it was the default, the newest remaining card becomes the default. */
    public PaymentMethodRemoved removePaymentMethod(String paymentMethodId) {
        return removePaymentMethod(paymentMethodId, null);
    }

    public PaymentMethodRemoved removePaymentMethod(String paymentMethodId, String idempotencyKey) {
        Objects.requireNonNull(paymentMethodId, "paymentMethodId");
        return runner.keyedWrite("removePaymentMethod", idempotencyKey,
                key -> api.removePaymentMethodWithHttpInfo(paymentMethodId, key), PaymentMethodRemovedResponse::getData);
    }

    /** The name, address and tax id printed on invoices. */
    public BillingInfo info() {
        return runner.read("getBillingInfo", api::getBillingInfoWithHttpInfo, BillingInfoResponse::getData);
    }

    /** Updates only the fields set in {@code request}. */
    public BillingInfo updateInfo(UpdateBillingInfoRequest request) {
        return updateInfo(request, null);
    }

    public BillingInfo updateInfo(UpdateBillingInfoRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        return runner.keyedWrite("updateBillingInfo", idempotencyKey, key -> api.updateBillingInfoWithHttpInfo(request, key),
                BillingInfoResponse::getData);
    }

    /** Every invoice, newest first. */
    public List<Invoice> invoices() {
        return runner.read("listInvoices", api::listInvoicesWithHttpInfo, InvoiceListResponse::getData);
    }

    /** One invoice with its lines. */
    public InvoiceDetail invoice(String invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        return runner.read("getInvoice", () -> api.getInvoiceWithHttpInfo(invoiceId), InvoiceDetailResponse::getData);
    }

    /** Where to download an invoice. */
    public InvoicePdf invoicePdf(String invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        return runner.read("getInvoicePdf", () -> api.getInvoicePdfWithHttpInfo(invoiceId), BillingCalls::invoicePdfOf);
    }

    private static StripeConfig stripeConfigOf(StripeConfigResponse response) {
        if (response.getData() != null) {
            return response.getData();
        }
        if (response.getPublishableKey() == null) {
            return null;
        }
        return new StripeConfig().publishableKey(response.getPublishableKey()).instructions(response.getInstructions());
    }

    private static PaymentLink paymentLinkOf(PaymentLinkResponse response) {
        if (response.getData() != null) {
            return response.getData();
        }
        if (response.getPaymentUrl() == null && response.getSessionId() == null) {
            return null;
        }
        return new PaymentLink()
                .paymentUrl(response.getPaymentUrl())
                .sessionId(response.getSessionId())
                .purpose(response.getPurpose())
                .amount(response.getAmount())
                .expiresAt(response.getExpiresAt())
                .instructions(response.getInstructions());
    }

    private static InvoicePdf invoicePdfOf(InvoicePdfResponse response) {
        if (response.getData() != null) {
            return response.getData();
        }
        return response.getUrl() == null ? null : new InvoicePdf().url(response.getUrl());
    }
}
