package dev.modelslabtwin.emulator.billing;

import dev.modelslabtwin.client.model.AttachPaymentMethodRequest;
import dev.modelslabtwin.client.model.AutoFunding;
import dev.modelslabtwin.client.model.BillingInfo;
import dev.modelslabtwin.client.model.BillingInfoResponse;
import dev.modelslabtwin.client.model.BillingOverview;
import dev.modelslabtwin.client.model.BillingOverviewResponse;
import dev.modelslabtwin.client.model.Invoice;
import dev.modelslabtwin.client.model.InvoiceDetail;
import dev.modelslabtwin.client.model.InvoiceDetailResponse;
import dev.modelslabtwin.client.model.InvoiceLine;
import dev.modelslabtwin.client.model.InvoiceListResponse;
import dev.modelslabtwin.client.model.InvoicePdf;
import dev.modelslabtwin.client.model.InvoicePdfResponse;
import dev.modelslabtwin.client.model.InvoiceStatus;
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
import dev.modelslabtwin.client.model.Subscription;
import dev.modelslabtwin.client.model.SubscriptionStatus;
import dev.modelslabtwin.client.model.UpdateBillingInfoRequest;
import dev.modelslabtwin.emulator.api.BillingApi;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.Invoices;
import dev.modelslabtwin.emulator.stripe.PaymentMethods;
import dev.modelslabtwin.emulator.stripe.SetupIntents;
import dev.modelslabtwin.emulator.subscriptions.CurrentSubscriptions;
import dev.modelslabtwin.emulator.wallet.WalletSummary;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The Billing operations: each parses its request, runs one transaction and maps the result. */
public final class BillingEndpoints implements BillingApi {

    private static final String STRIPE_INSTRUCTIONS = "Use this key to call the Stripe API directly to create "
            + "PaymentMethods. Card data is sent to Stripe only — never to ModelsLab.";
    private static final String SETUP_INSTRUCTIONS = "Confirm this SetupIntent with Stripe using the publishable key "
            + "(POST /v1/setup_intents/{id}/confirm with client_secret and payment_method), complete 3D Secure if asked, "
            + "then attach the resulting payment_method via POST /billing/payment-methods.";
    /** Statuses in which the plan's service is delivered: the overview's {@code active_subscription}. */
    private static final Set<SubscriptionStatus> IN_SERVICE = Set.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING);

    private final Services services;
    private final CurrentSubscriptions subscriptions;
    private final InvoiceFiles invoiceFiles;

    /** {@code subscriptions}: the view {@code GET /subscriptions} answers with, shown here too. */
    public BillingEndpoints(Services services, CurrentSubscriptions subscriptions) {
        this.services = services;
        this.subscriptions = subscriptions;
        this.invoiceFiles = new InvoiceFiles(services);
    }

    @Override
    public BillingOverviewResponse getBillingOverview(RequestContext context) {
        long accountId = context.accountId();
        subscriptions.catchUp(accountId);
        Overview overview = services.database().transaction(db -> new Overview(WalletSummary.of(db, accountId),
                PaymentMethods.list(db, accountId), CurrentSubscriptions.list(db, accountId), Invoices.count(db, accountId)));
        WalletSummary wallet = overview.wallet();
        return new BillingOverviewResponse().data(new BillingOverview()
                .walletBalance(wallet.balance())
                .currency(BillingOverview.CurrencyEnum.USD)
                .totalDeposits(wallet.totalCredited())
                .totalCharges(wallet.amountUsed())
                .autoFunding(new AutoFunding().enabled(wallet.autoFundingEnabled())
                        .autoChargeAmount(wallet.autoChargeAmount())
                        .chargeThreshold(wallet.chargeThreshold())
                        .paymentMethodId(wallet.autoFundingEnabled() ? defaultCard(overview.cards()) : null))
                .activeSubscription(overview.subscriptions().stream()
                        .filter(subscription -> IN_SERVICE.contains(subscription.getStatus()))
                        .map(Subscription::getPlanName).findFirst().orElse(null))
                .paymentMethods(overview.cards().stream().map(BillingEndpoints::paymentMethod).toList())
                .subscriptions(overview.subscriptions())
                .invoiceCount(Math.toIntExact(overview.invoiceCount())));
    }

    @Override
    public StripeConfigResponse getStripeConfig(RequestContext context) {
        String key = services.publishableKey();
        return new StripeConfigResponse()
                .data(new StripeConfig().publishableKey(key).instructions(STRIPE_INSTRUCTIONS))
                .publishableKey(key)
                .instructions(STRIPE_INSTRUCTIONS);
    }

    @Override
    public SetupIntentResponse createSetupIntent(RequestContext context, String idempotencyKey) {
        SetupIntents.SetupIntent intent = services.database().transaction(db ->
                SetupIntents.create(db, context.accountId(), services.clock().instant()));
        return new SetupIntentResponse().data(new SetupIntent()
                .setupIntentId(intent.id())
                .clientSecret(intent.clientSecret())
                .status(SetupIntent.StatusEnum.fromValue(intent.status()))
                .publishableKey(services.publishableKey())
                .instructions(SETUP_INSTRUCTIONS));
    }

    @Override
    public PaymentLinkResponse createPaymentLink(RequestContext context, PaymentLinkRequest request, String idempotencyKey) {
        CheckoutSessions.Session session = services.database().transaction(db -> PaymentLinks.create(db,
                context.accountId(), request.getPurpose().getValue(), request.getAmount(), request.getPlanId(),
                services.clock().instant()));
        URI url = URI.create(context.publicRoot() + session.pagePath());
        PaymentPurpose purpose = PaymentPurpose.fromValue(session.purpose());
        String instructions = session.instructions();
        return new PaymentLinkResponse()
                .data(new PaymentLink()
                        .paymentUrl(url)
                        .checkoutUrl(url)
                        .sessionId(session.id())
                        .purpose(purpose)
                        .amount(session.amount())
                        .planId(session.planId())
                        .expiresAt(time(session.expiresAt()))
                        .instructions(instructions))
                .paymentUrl(url)
                .sessionId(session.id())
                .purpose(purpose)
                .amount(session.amount())
                .expiresAt(time(session.expiresAt()))
                .instructions(instructions);
    }

    @Override
    public PaymentMethodListResponse listPaymentMethods(RequestContext context) {
        List<PaymentMethods.Card> cards = services.database().transaction(db -> PaymentMethods.list(db, context.accountId()));
        return new PaymentMethodListResponse().data(cards.stream().map(BillingEndpoints::paymentMethod).toList());
    }

    @Override
    public PaymentMethodResponse attachPaymentMethod(RequestContext context, AttachPaymentMethodRequest request,
                                                     String idempotencyKey) {
        boolean makeDefault = Optional.ofNullable(request.getMakeDefault())
                .or(() -> Optional.ofNullable(request.getSetDefault())).orElse(true);
        PaymentMethods.Card card = services.database().transaction(db -> PaymentMethods.attach(db, context.accountId(),
                request.getPaymentMethodId(), makeDefault, services.clock().instant()));
        return new PaymentMethodResponse().data(paymentMethod(card));
    }

    @Override
    public PaymentMethodResponse setDefaultPaymentMethod(RequestContext context, String id, String idempotencyKey) {
        PaymentMethods.Card card = services.database().transaction(db -> PaymentMethods.makeDefault(db, context.accountId(), id));
        return new PaymentMethodResponse().data(paymentMethod(card));
    }

    @Override
    public PaymentMethodRemovedResponse removePaymentMethod(RequestContext context, String id, String idempotencyKey) {
        Optional<PaymentMethods.Card> newDefault = services.database().transaction(db ->
                PaymentMethods.detach(db, context.accountId(), id, services.clock().instant()));
        return new PaymentMethodRemovedResponse().data(new PaymentMethodRemoved()
                .message(newDefault.isPresent() ? "Payment method removed." : "Payment method removed. No saved card is left.")
                .paymentMethodId(id)
                .defaultPaymentMethodId(newDefault.map(PaymentMethods.Card::id).orElse(null)));
    }

    @Override
    public BillingInfoResponse getBillingInfo(RequestContext context) {
        BillingProfiles.Profile profile = services.database().transaction(db -> BillingProfiles.of(db, context.accountId()));
        return new BillingInfoResponse().data(billingInfo(profile));
    }

    @Override
    public BillingInfoResponse updateBillingInfo(RequestContext context, UpdateBillingInfoRequest request, String idempotencyKey) {
        var changes = BillingInfoChanges.of(request);
        BillingProfiles.Profile profile = services.database().transaction(db ->
                BillingProfiles.update(db, context.accountId(), changes));
        return new BillingInfoResponse().data(billingInfo(profile));
    }

    @Override
    public InvoiceListResponse listInvoices(RequestContext context) {
        List<Invoices.Invoice> invoices = services.database().transaction(db -> Invoices.list(db, context.accountId()));
        return new InvoiceListResponse().data(invoices.stream().map(invoice -> new Invoice()
                .id(invoice.id())
                .number(invoice.number())
                .amount(invoice.amount())
                .currency(Invoice.CurrencyEnum.USD)
                .status(InvoiceStatus.fromValue(invoice.status()))
                .description(invoice.description())
                .createdAt(time(invoice.createdAt()))
                .paidAt(time(invoice.paidAt()))).toList());
    }

    @Override
    public InvoiceDetailResponse getInvoice(RequestContext context, String id) {
        InvoiceDocument document = services.database().transaction(db ->
                InvoiceDocument.load(db, Invoices.owned(db, context.accountId(), id)));
        Invoices.Invoice invoice = document.invoice();
        return new InvoiceDetailResponse().data(new InvoiceDetail()
                .id(invoice.id())
                .number(invoice.number())
                .amount(invoice.amount())
                .currency(InvoiceDetail.CurrencyEnum.USD)
                .status(InvoiceStatus.fromValue(invoice.status()))
                .description(invoice.description())
                .createdAt(time(invoice.createdAt()))
                .paidAt(time(invoice.paidAt()))
                .paymentIntentId(invoice.paymentIntentId())
                .subscriptionId(invoice.subscriptionId())
                .subtotal(document.subtotal())
                .total(invoice.amount())
                .lines(document.lines().stream().map(line -> new InvoiceLine().description(line.description())
                        .quantity(line.quantity()).amount(line.amount())).toList()));
    }

    @Override
    public InvoicePdfResponse getInvoicePdf(RequestContext context, String id) {
        Invoices.Invoice invoice = services.database().transaction(db -> Invoices.owned(db, context.accountId(), id));
        Instant now = services.clock().instant();
        URI pdf = URI.create(invoiceFiles.pdfUrl(context.publicRoot(), invoice.id(), now));
        return new InvoicePdfResponse()
                .data(new InvoicePdf()
                        .url(pdf)
                        .invoicePdf(pdf)
                        .hostedInvoiceUrl(URI.create(invoiceFiles.pageUrl(context.publicRoot(), invoice.id(), now)))
                        .receiptUrl(null))
                .url(pdf);
    }

    /** What the overview reads, in one transaction. */
    private record Overview(WalletSummary wallet, List<PaymentMethods.Card> cards, List<Subscription> subscriptions,
                            long invoiceCount) {
    }

    private static String defaultCard(List<PaymentMethods.Card> cards) {
        return cards.stream().filter(PaymentMethods.Card::isDefault).map(PaymentMethods.Card::id).findFirst().orElse(null);
    }

    private static PaymentMethod paymentMethod(PaymentMethods.Card card) {
        return new PaymentMethod()
                .id(card.id())
                .type(PaymentMethod.TypeEnum.CARD)
                .brand(PaymentMethod.BrandEnum.fromValue(card.brand()))
                .last4(card.last4())
                .expMonth(card.expMonth())
                .expYear(card.expYear())
                .funding(PaymentMethod.FundingEnum.fromValue(card.funding()))
                .country(card.country())
                .isDefault(card.isDefault())
                .createdAt(time(card.createdAt()));
    }

    private static BillingInfo billingInfo(BillingProfiles.Profile profile) {
        return new BillingInfo()
                .name(profile.name())
                .email(profile.email())
                .taxId(profile.taxId())
                .taxIdType(profile.taxIdType())
                .addressLine1(profile.addressLine1())
                .addressLine2(profile.addressLine2())
                .addressCity(profile.addressCity())
                .addressState(profile.addressState())
                .addressPostalCode(profile.addressPostalCode())
                .addressCountry(profile.addressCountry());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
