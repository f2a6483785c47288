package dev.modelslabtwin.client;

import dev.modelslabtwin.client.model.FundResult;
import dev.modelslabtwin.client.model.Payment;
import dev.modelslabtwin.client.model.PaymentMethod;
import dev.modelslabtwin.client.model.PaymentStatus;
import dev.modelslabtwin.client.model.SetupIntent;
import dev.modelslabtwin.client.model.SubscriptionCheckoutConfirmation;
import dev.modelslabtwin.client.model.WalletCheckoutConfirmation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The three ways an agent pays, end to end, because each one needs a step the single calls leave out:
 * <ol>
 *   <li><b>Headless card</b>: {@link #fundWithCard}; a card that needs 3D Secure comes back with
 *       {@link #requiresAction} true, a person completes {@link #nextActionUrl}, and
 *       {@link #awaitPayment} waits for the outcome.</li>
 *   <li><b>Saving a 3D Secure card</b>: {@link #startCardSetup} gives the SetupIntent to confirm with
 *       Stripe, {@link #finishCardSetup} attaches the resulting card as the default.</li>
 *   <li><b>Human-assisted</b>: a person pays a payment link or Checkout page; {@link #awaitWalletCheckout}
 *       and {@link #awaitSubscriptionCheckout} poll the confirmation until it goes through.</li>
 * </ol>
 */
public final class PaymentFlows {

    static final String CHECKOUT_NOT_COMPLETED = "checkout_not_completed";
    static final String CHECKOUT_TIMEOUT = "checkout_timeout";
    static final String PAYMENT_TIMEOUT = "payment_timeout";

    private final WalletCalls wallet;
    private final BillingCalls billing;
    private final SubscriptionCalls subscriptions;
    private final PaymentCalls payments;
    private final Poller poller;

    PaymentFlows(WalletCalls wallet, BillingCalls billing, SubscriptionCalls subscriptions, PaymentCalls payments,
                 Poller poller) {
        this.wallet = wallet;
        this.billing = billing;
        this.subscriptions = subscriptions;
        this.payments = payments;
        this.poller = poller;
    }

    /**
     * Charges a saved or freshly tokenised card. A decline throws ({@code payment_declined}); a card that
     * needs 3D Secure returns normally with {@link #requiresAction} true and nothing credited yet.
     */
    public FundResult fundWithCard(BigDecimal amount, String paymentMethodId) {
        return wallet.fund(amount, Objects.requireNonNull(paymentMethodId, "paymentMethodId"));
    }

    /** True when a person must complete 3D Secure before the funding can succeed. */
    public static boolean requiresAction(FundResult result) {
        Payment payment = result == null ? null : result.getPayment();
        return payment != null && payment.getStatus() == Payment.StatusEnum.REQUIRES_ACTION;
    }

    /** Where the person completes 3D Secure, when the server gave a page. */
    public static Optional<URI> nextActionUrl(FundResult result) {
        Payment payment = result == null ? null : result.getPayment();
        return payment == null ? Optional.empty() : Optional.ofNullable(payment.getNextActionUrl());
    }

    /**
     * Polls a PaymentIntent until it is {@code succeeded} or {@code failed} and returns that final status
     * (a failure is an answer here, not an exception). Throws {@code payment_timeout} after {@code timeout}.
     */
    public PaymentStatus awaitPayment(String paymentIntentId, Duration timeout, Duration interval) {
        Objects.requireNonNull(paymentIntentId, "paymentIntentId");
        return poller.until("payment " + paymentIntentId, timeout, interval, PAYMENT_TIMEOUT, () -> {
            PaymentStatus status = payments.status(paymentIntentId);
            boolean done = status.getStatus() == PaymentStatus.StatusEnum.SUCCEEDED
                    || status.getStatus() == PaymentStatus.StatusEnum.FAILED;
            return done ? Optional.of(status) : Optional.empty();
        });
    }

    /** Step one of saving a card that needs 3D Secure: confirm the returned SetupIntent with Stripe. */
    public SetupIntent startCardSetup() {
        return billing.createSetupIntent();
    }

    /** Step two: attaches the SetupIntent's {@code payment_method} and makes it the default card. */
    public PaymentMethod finishCardSetup(String paymentMethodId) {
        return billing.attachPaymentMethod(paymentMethodId, true);
    }

    /**
     * Waits for a person to pay a {@code fund} payment link, then credits the wallet. Polls while the
     * answer is 409 {@code checkout_not_completed}; {@code checkout_expired} or any other error is thrown
     * at once; {@code checkout_timeout} (status 0) when {@code timeout} passes first.
     */
    public WalletCheckoutConfirmation awaitWalletCheckout(String sessionId, Duration timeout, Duration pollInterval) {
        Objects.requireNonNull(sessionId, "sessionId");
        return awaitCheckout(sessionId, timeout, pollInterval, () -> wallet.confirmCheckout(sessionId));
    }

    /** As {@link #awaitWalletCheckout}, for a {@code subscribe} link or the Checkout of a new subscription. */
    public SubscriptionCheckoutConfirmation awaitSubscriptionCheckout(String sessionId, Duration timeout,
                                                                      Duration pollInterval) {
        Objects.requireNonNull(sessionId, "sessionId");
        return awaitCheckout(sessionId, timeout, pollInterval, () -> subscriptions.confirmCheckout(sessionId));
    }

    private <T> T awaitCheckout(String sessionId, Duration timeout, Duration pollInterval, Supplier<T> confirm) {
        return poller.until("checkout " + sessionId, timeout, pollInterval, CHECKOUT_TIMEOUT, () -> {
            try {
                return Optional.of(confirm.get());
            } catch (ModelsLabException e) {
                if (e.status() == 409 && CHECKOUT_NOT_COMPLETED.equals(e.code())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }
}
