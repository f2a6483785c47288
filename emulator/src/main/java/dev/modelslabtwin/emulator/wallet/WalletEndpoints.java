package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.client.model.AutoFundingRequest;
import dev.modelslabtwin.client.model.AutoFundingResponse;
import dev.modelslabtwin.client.model.ConfirmCheckoutRequest;
import dev.modelslabtwin.client.model.CouponRedemption;
import dev.modelslabtwin.client.model.CouponRedemptionResponse;
import dev.modelslabtwin.client.model.CouponType;
import dev.modelslabtwin.client.model.CouponValidation;
import dev.modelslabtwin.client.model.CouponValidationResponse;
import dev.modelslabtwin.client.model.FundResult;
import dev.modelslabtwin.client.model.FundWalletRequest;
import dev.modelslabtwin.client.model.FundWalletResponse;
import dev.modelslabtwin.client.model.RedeemCouponRequest;
import dev.modelslabtwin.client.model.TransactionType;
import dev.modelslabtwin.client.model.WalletBalance;
import dev.modelslabtwin.client.model.WalletBalanceResponse;
import dev.modelslabtwin.client.model.WalletCheckoutConfirmation;
import dev.modelslabtwin.client.model.WalletCheckoutConfirmationResponse;
import dev.modelslabtwin.client.model.WalletTotals;
import dev.modelslabtwin.client.model.WalletTransaction;
import dev.modelslabtwin.client.model.WalletTransactionPage;
import dev.modelslabtwin.client.model.WalletTransactionPageResponse;
import dev.modelslabtwin.client.model.WithdrawRequest;
import dev.modelslabtwin.client.model.Withdrawal;
import dev.modelslabtwin.client.model.WithdrawalResponse;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.api.WalletApi;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.emulator.stripe.CardDeclined;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The Wallet operations: each parses its request, runs one transaction and maps the result. */
public final class WalletEndpoints implements WalletApi {

    private final Services services;
    private final PaymentIntents paymentIntents;

    public WalletEndpoints(Services services, PaymentIntents paymentIntents) {
        this.services = services;
        this.paymentIntents = paymentIntents;
    }

    @Override
    public WalletBalanceResponse getWalletBalance(RequestContext context) {
        BigDecimal balance = services.database().transaction(db -> Ledger.balance(db, context.accountId()));
        return new WalletBalanceResponse().data(new WalletBalance().balance(balance).currency(WalletBalance.CurrencyEnum.USD));
    }

    @Override
    public WalletTransactionPageResponse listWalletTransactions(RequestContext context, TransactionType type, Integer limit,
                                                               Integer offset) {
        Transactions.Page page = services.database().transaction(db -> Transactions.page(db, context.accountId(),
                type, limit, offset));
        List<WalletTransaction> items = page.items().stream().map(WalletEndpoints::transaction).toList();
        Transactions.Totals totals = page.totals();
        return new WalletTransactionPageResponse().data(new WalletTransactionPage()
                .items(items)
                .count(items.size())
                .total(Math.toIntExact(page.total()))
                .wallet(new WalletTotals().balance(totals.balance()).currency(WalletTotals.CurrencyEnum.USD)
                        .totalCredited(totals.totalCredited()).amountUsed(totals.amountUsed())));
    }

    @Override
    public FundWalletResponse fundWallet(RequestContext context, FundWalletRequest request, String idempotencyKey) {
        BigDecimal amount = Money.usd(request.getAmount());
        Funding.Outcome outcome = services.database().transaction(db -> Funding.fund(db, paymentIntents,
                context.accountId(), amount, request.getPaymentMethodId(), services.clock().instant()));
        FundResult result = new FundResult().amount(amount).currency(FundResult.CurrencyEnum.USD);
        if (outcome.checkout() != null) {
            CheckoutSessions.Session session = outcome.checkout();
            URI url = URI.create(context.publicRoot() + session.pagePath());
            return new FundWalletResponse().data(result
                    .message("Nothing was charged: forward payment_url to a person, then confirm with "
                            + session.confirmedWith() + " and session_id.")
                    .paymentUrl(url)
                    .checkoutUrl(url)
                    .sessionId(session.id())
                    .expiresAt(time(session.expiresAt()))
                    .instructions(session.instructions()));
        }
        PaymentIntents.PaymentIntent payment = outcome.payment();
        if (payment.declined()) {
            throw CardDeclined.of(payment);
        }
        if (payment.requiresAction()) {
            context.status(202);
            return new FundWalletResponse().data(result.message(Payments.AUTHENTICATION_REQUIRED_MESSAGE)
                    .payment(Payments.of(payment, context.publicRoot())));
        }
        return new FundWalletResponse().data(result.message("Wallet funded successfully.").balance(outcome.balance())
                .payment(Payments.of(payment, context.publicRoot())));
    }

    @Override
    public WalletCheckoutConfirmationResponse confirmWalletCheckout(RequestContext context, ConfirmCheckoutRequest request,
                                                                    String idempotencyKey) {
        Funding.Confirmation confirmation = services.database().transaction(db -> Funding.confirmCheckout(db,
                context.accountId(), request.getSessionId(), services.clock().instant()));
        return new WalletCheckoutConfirmationResponse().data(new WalletCheckoutConfirmation()
                .message(confirmation.alreadyConfirmed()
                        ? "This Checkout Session already funded the wallet; nothing was credited again."
                        : "Wallet funded successfully.")
                .sessionId(confirmation.session().id())
                .amount(confirmation.session().amount())
                .balance(confirmation.balance())
                .currency(WalletCheckoutConfirmation.CurrencyEnum.USD)
                .alreadyConfirmed(confirmation.alreadyConfirmed()));
    }

    @Override
    public AutoFundingResponse setAutoFunding(RequestContext context, AutoFundingRequest request, String idempotencyKey) {
        // The contract requires one name of each pair; the documented one wins over the CLI's.
        BigDecimal amount = request.getAutoChargeAmount() != null ? request.getAutoChargeAmount() : request.getAmount();
        BigDecimal threshold = request.getChargeThreshold() != null ? request.getChargeThreshold() : request.getThreshold();
        String card = services.database().transaction(db -> AutoFunding.enable(db, context.accountId(), Money.usd(amount),
                Money.usd(threshold)));
        return autoFunding(true, Money.usd(amount), Money.usd(threshold), card);
    }

    @Override
    public AutoFundingResponse disableAutoFunding(RequestContext context, String idempotencyKey) {
        services.database().transaction(db -> {
            AutoFunding.disable(db, context.accountId());
            return null;
        });
        return autoFunding(false, null, null, null);
    }

    @Override
    public WithdrawalResponse withdrawFromWallet(RequestContext context, WithdrawRequest request, String idempotencyKey) {
        BigDecimal amount = Money.usd(request.getAmount());
        Ledger.Movement movement = services.database().transaction(db -> Withdrawals.withdraw(db, context.accountId(),
                amount, services.clock().instant()));
        return new WithdrawalResponse().data(new Withdrawal().message("Withdrawal recorded.").amount(amount)
                .balance(movement.balance()).currency(Withdrawal.CurrencyEnum.USD).transactionId(movement.entryId()));
    }

    @Override
    public CouponValidationResponse validateCoupon(RequestContext context, String couponCode, String code,
                                                   BigDecimal purchaseAmount) {
        String requested = couponCode(couponCode, code);
        BigDecimal purchase = Money.usd(purchaseAmount);
        Coupons.Check check = services.database().transaction(db -> Coupons.check(db, context.accountId(), requested,
                purchase, services.clock().instant()));
        Coupons.Coupon coupon = check.coupon();
        return new CouponValidationResponse().data(new CouponValidation()
                .couponCode(coupon.code())
                .valid(check.reason() == null)
                .type(coupon.ridesOnPurchase() ? CouponType.BONUS : CouponType.CREDIT)
                .creditAmount(coupon.ridesOnPurchase() ? null : coupon.creditAmount())
                .bonusPercent(coupon.kind().equals("percent") ? coupon.percent() : null)
                .bonusAmount(coupon.bonusOn(purchase))
                .expiresAt(coupon.expiresAt() == null ? null : time(coupon.expiresAt()))
                .reason(check.reason()));
    }

    @Override
    public CouponRedemptionResponse redeemCoupon(RequestContext context, RedeemCouponRequest request, String idempotencyKey) {
        String requested = request.getCouponCode() != null ? request.getCouponCode() : request.getCode();
        BigDecimal purchase = Money.usd(request.getPurchaseAmount());
        Coupons.Redemption redemption = services.database().transaction(db -> Coupons.redeem(db, paymentIntents,
                context.accountId(), requested, purchase, request.getPaymentMethodId(), services.clock().instant()));
        if (redemption.refusal() != null) {
            throw redemption.refusal();
        }
        CouponRedemption result = new CouponRedemption()
                .couponCode(redemption.coupon().code())
                .creditedAmount(redemption.credited())
                .balance(redemption.balance())
                .currency(CouponRedemption.CurrencyEnum.USD);
        if (redemption.payment() == null) {
            return new CouponRedemptionResponse().data(result.message("Coupon redeemed."));
        }
        return new CouponRedemptionResponse().data(result
                .message("Coupon redeemed: the purchase and its bonus are credited.")
                .chargedAmount(redemption.charged())
                .payment(Payments.of(redemption.payment(), context.publicRoot())));
    }

    private static AutoFundingResponse autoFunding(boolean enabled, BigDecimal amount, BigDecimal threshold, String card) {
        return new AutoFundingResponse().data(new dev.modelslabtwin.client.model.AutoFunding().enabled(enabled)
                .autoChargeAmount(amount).chargeThreshold(threshold).paymentMethodId(card));
    }

    /**
     * The documented {@code coupon_code} wins over the CLI's {@code code}. One of them is required: a
     * query cannot say so in the contract, as the request body of a redemption does.
     */
    private static String couponCode(String couponCode, String code) {
        String chosen = couponCode != null ? couponCode : code;
        if (chosen == null) {
            throw ApiProblem.validation(Map.of("coupon_code", List.of("The coupon code field is required.")));
        }
        return chosen;
    }

    private static WalletTransaction transaction(Transactions.Entry entry) {
        return new WalletTransaction()
                .id(entry.id())
                .source(entry.source())
                .transactionId(entry.transactionId())
                .type(entry.type())
                .amount(entry.amount())
                .status(entry.status())
                .usecase(entry.usecase())
                .description(entry.description())
                .createdAt(time(entry.createdAt()));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
