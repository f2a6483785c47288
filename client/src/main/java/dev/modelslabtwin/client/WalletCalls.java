package dev.modelslabtwin.client;

import dev.modelslabtwin.client.api.WalletApi;
import dev.modelslabtwin.client.model.AutoFunding;
import dev.modelslabtwin.client.model.AutoFundingRequest;
import dev.modelslabtwin.client.model.AutoFundingResponse;
import dev.modelslabtwin.client.model.ConfirmCheckoutRequest;
import dev.modelslabtwin.client.model.CouponRedemption;
import dev.modelslabtwin.client.model.CouponRedemptionResponse;
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
import dev.modelslabtwin.client.model.WalletTransactionPage;
import dev.modelslabtwin.client.model.WalletTransactionPageResponse;
import dev.modelslabtwin.client.model.WithdrawRequest;
import dev.modelslabtwin.client.model.Withdrawal;
import dev.modelslabtwin.client.model.WithdrawalResponse;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The wallet: balance, ledger, funding, Checkout confirmation, auto-funding, withdrawals and coupons.
 * Every method returns the envelope's {@code data}; failures are {@link ModelsLabException}s. Every
 * mutation sends an {@code Idempotency-Key} (generated unless given), so retrying it cannot charge twice.
 */
public final class WalletCalls {

    private final WalletApi api;
    private final CallRunner runner;

    WalletCalls(WalletApi api, CallRunner runner) {
        this.api = api;
        this.runner = runner;
    }

    /** The balance without the ledger. */
    public WalletBalance balance() {
        return runner.read("getWalletBalance", api::getWalletBalanceWithHttpInfo, WalletBalanceResponse::getData);
    }

    /** The ledger, newest first; every argument may be null to take the server's default. */
    public WalletTransactionPage transactions(TransactionType type, Integer limit, Integer offset) {
        return runner.read("listWalletTransactions", () -> api.listWalletTransactionsWithHttpInfo(type, limit, offset),
                WalletTransactionPageResponse::getData);
    }

    /** The first page of the ledger, all types. */
    public WalletTransactionPage transactions() {
        return transactions(null, null, null);
    }

    /**
     * Charges nothing: opens a Checkout Session for a person to pay ({@code checkout_url}, {@code session_id});
     * the wallet is credited when {@link #confirmCheckout} sees it paid. See {@link PaymentFlows#startWalletCheckout}.
     */
    public FundResult fund(BigDecimal amount) {
        return fund(amount, null);
    }

    /**
     * Charges {@code paymentMethodId} once, without saving it (null: a Checkout Session, as {@link #fund(BigDecimal)}).
     * A card that needs 3D Secure answers with {@code payment.status = requires_action}: see
     * {@link PaymentFlows#fundWithCard}.
     */
    public FundResult fund(BigDecimal amount, String paymentMethodId) {
        return fund(new FundWalletRequest().amount(requireAmount(amount)).paymentMethodId(paymentMethodId), null);
    }

    /** Funds with the caller's own idempotency key (null generates one). */
    public FundResult fund(FundWalletRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        return runner.keyedWrite("fundWallet", idempotencyKey, key -> api.fundWalletWithHttpInfo(request, key),
                FundWalletResponse::getData);
    }

    /**
     * Credits a paid {@code fund} Checkout Session once. Fails with 409 {@code checkout_not_completed}
     * while unpaid; {@link PaymentFlows#awaitWalletCheckout} polls that for you.
     */
    public WalletCheckoutConfirmation confirmCheckout(String sessionId) {
        return confirmCheckout(sessionId, null);
    }

    public WalletCheckoutConfirmation confirmCheckout(String sessionId, String idempotencyKey) {
        ConfirmCheckoutRequest request = new ConfirmCheckoutRequest().sessionId(Objects.requireNonNull(sessionId, "sessionId"));
        return runner.keyedWrite("confirmWalletCheckout", idempotencyKey,
                key -> api.confirmWalletCheckoutWithHttpInfo(request, key), WalletCheckoutConfirmationResponse::getData);
    }

    /** Charges the default card {@code amount} whenever a debit leaves the balance below {@code threshold}. */
    public AutoFunding setAutoFunding(BigDecimal amount, BigDecimal threshold) {
        return setAutoFunding(new AutoFundingRequest().autoChargeAmount(requireAmount(amount))
                .chargeThreshold(Objects.requireNonNull(threshold, "threshold")), null);
    }

    public AutoFunding setAutoFunding(AutoFundingRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        return runner.keyedWrite("setAutoFunding", idempotencyKey, key -> api.setAutoFundingWithHttpInfo(request, key),
                AutoFundingResponse::getData);
    }

    /** Turns auto-funding off; already off is fine. */
    public AutoFunding disableAutoFunding() {
        return disableAutoFunding(null);
    }

    public AutoFunding disableAutoFunding(String idempotencyKey) {
        return runner.keyedWrite("disableAutoFunding", idempotencyKey, api::disableAutoFundingWithHttpInfo,
                AutoFundingResponse::getData);
    }

    /** Pays {@code amount} out to a reseller; other accounts get 403 {@code reseller_only}. */
    public Withdrawal withdraw(BigDecimal amount) {
        return withdraw(amount, null);
    }

    public Withdrawal withdraw(BigDecimal amount, String idempotencyKey) {
        WithdrawRequest request = new WithdrawRequest().amount(requireAmount(amount));
        return runner.keyedWrite("withdrawFromWallet", idempotencyKey, key -> api.withdrawFromWalletWithHttpInfo(request, key),
                WithdrawalResponse::getData);
    }

    /** Whether a coupon can be used: an unusable one answers {@code valid = false} with a reason, not an error. */
    public CouponValidation validateCoupon(String code) {
        return validateCoupon(code, null);
    }

    /** As {@link #validateCoupon(String)}, for bonus coupons whose value depends on the purchase. */
    public CouponValidation validateCoupon(String code, BigDecimal purchaseAmount) {
        Objects.requireNonNull(code, "code");
        return runner.read("validateCoupon", () -> api.validateCouponWithHttpInfo(code, null, purchaseAmount),
                CouponValidationResponse::getData);
    }

    /** Redeems a credit coupon. */
    public CouponRedemption redeemCoupon(String code) {
        return redeemCoupon(new RedeemCouponRequest().couponCode(Objects.requireNonNull(code, "code")), null);
    }

    /** Redeems any coupon; bonus coupons need {@code purchase_amount} and {@code payment_method_id}. */
    public CouponRedemption redeemCoupon(RedeemCouponRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        return runner.keyedWrite("redeemCoupon", idempotencyKey, key -> api.redeemCouponWithHttpInfo(request, key),
                CouponRedemptionResponse::getData);
    }

    static BigDecimal requireAmount(BigDecimal amount) {
        return Objects.requireNonNull(amount, "amount");
    }
}
