package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.emulator.Services;
import dev.modelslabtwin.emulator.api.WalletApi;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.client.model.AutoFundingRequest;
import dev.modelslabtwin.client.model.AutoFundingResponse;
import java.math.BigDecimal;
import dev.modelslabtwin.client.model.ConfirmCheckoutRequest;
import dev.modelslabtwin.client.model.CouponRedemptionResponse;
import dev.modelslabtwin.client.model.CouponValidationResponse;
import dev.modelslabtwin.client.model.ErrorEnvelope;
import dev.modelslabtwin.client.model.FundWalletRequest;
import dev.modelslabtwin.client.model.FundWalletResponse;
import dev.modelslabtwin.client.model.RedeemCouponRequest;
import dev.modelslabtwin.client.model.TransactionType;
import dev.modelslabtwin.client.model.WalletBalanceResponse;
import dev.modelslabtwin.client.model.WalletCheckoutConfirmationResponse;
import dev.modelslabtwin.client.model.WalletTransactionPageResponse;
import dev.modelslabtwin.client.model.WithdrawRequest;
import dev.modelslabtwin.client.model.WithdrawalResponse;

/** The Wallet operations. */
public final class WalletEndpoints implements WalletApi {

    private final Services services;

    public WalletEndpoints(Services services) {
        this.services = services;
    }

    @Override
    public WalletCheckoutConfirmationResponse confirmWalletCheckout(RequestContext context, ConfirmCheckoutRequest confirmCheckoutRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public AutoFundingResponse disableAutoFunding(RequestContext context, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public FundWalletResponse fundWallet(RequestContext context, FundWalletRequest fundWalletRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public WalletBalanceResponse getWalletBalance(RequestContext context) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public WalletTransactionPageResponse listWalletTransactions(RequestContext context, TransactionType type, Integer limit, Integer offset) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public CouponRedemptionResponse redeemCoupon(RequestContext context, RedeemCouponRequest redeemCouponRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public AutoFundingResponse setAutoFunding(RequestContext context, AutoFundingRequest autoFundingRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public CouponValidationResponse validateCoupon(RequestContext context, String couponCode, String code, BigDecimal purchaseAmount) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public WithdrawalResponse withdrawFromWallet(RequestContext context, WithdrawRequest withdrawRequest, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
