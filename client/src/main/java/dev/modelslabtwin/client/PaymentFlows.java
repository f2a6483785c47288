package dev.modelslabtwin.client;

import dev.modelslabtwin.client.model.FundResult;
import dev.modelslabtwin.client.model.Payment;
import dev.modelslabtwin.client.model.PaymentMethod;
import dev.modelslabtwin.client.model.PaymentStatus;
import dev.modelslabtwin.client.model.SetupIntent;
import dev.modelslabtwin.client.model.SubscriptionCheckoutConfirmation;
import dev.modelslabtwin.client.model.SubscriptionCreation;
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
 *   <li><b>Headless card</b>: {@link #fundWithCard} charges a card once (it is not saved to the
 *       account); a card that needs 3D Secure comes back with {@link #requiresAction} true and nothing
 *       credited: the API sends the person to modelslab.com/pricing, and {@link #awaitPayment} waits for
 *       the outcome. For subscriptions such a card is a decline: {@link #needsAuthentication}.</li>
 *   <li><b>Saving a card</b> (one that needs 3D Secure included): {@link #startCardSetup} gives the
 *       SetupIntent to confirm with Stripe, {@link #finishCardSetup} attaches the resulting card as the
 *       default; saved cards can be charged again and again.</li>
 *   <li><b>Human-assisted</b>: a person pays a Checkout page — a payment link, or what
 *       {@link #startWalletCheckout} and {@link #startSubscriptionCheckout} make (funding or subscribing
 *       without a card charges nothing and answers a Checkout Session); {@link #awaitWalletCheckout} and
 *       {@link #awaitSubscriptionCheckout} poll the confirmation until it goes through.</li>
 * </ol>
 */
public final class PaymentFlows {

    static final String CHECKOUT_NOT_COMPLETED = "checkout_not_completed";
    static final String CHECKOUT_TIMEOUT = "checkout_timeout";
    static final String PAYMENT_TIMEOUT = "payment_timeout";
    static final String AUTHENTICATION_REQUIRED = "authentication_required";

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
     * Charges a saved or freshly tokenised card, once: a card that is not saved is not saved by this
     * either (save it with {@link #finishCardSetup} to charge it again). A decline throws
     * ({@code payment_declined}); a card that needs 3D Secure returns normally (HTTP 202) with
     * {@link #requiresAction} true and nothing credited.
     */
    public FundResult fundWithCard(BigDecimal amount, String paymentMethodId) {
        return wallet.fund(amount, Objects.requireNonNull(paymentMethodId, "paymentMethodId"));
    }

    /**
     * Opens a Checkout Session for a person to pay {@code amount} into the wallet; nothing is charged.
     * Forward {@link #checkoutUrl} to the person, then {@link #awaitWalletCheckout} with its
     * {@code session_id}.
     */
    public FundResult startWalletCheckout(BigDecimal amount) {
        return wallet.fund(amount, null);
    }

    /**
     * Opens a Checkout Session for a person to subscribe to {@code planId}; nothing is charged. The hosted
     * page sends the person to {@code successUrl} or {@code cancelUrl} (either may be null). Forward
     * {@code checkout_url}, then {@link #awaitSubscriptionCheckout} with its {@code session_id}.
     */
    public SubscriptionCreation startSubscriptionCheckout(long planId, String successUrl, String cancelUrl) {
        return subscriptions.createCheckout(planId, successUrl, cancelUrl);
    }

    /** The Checkout page of a funding made without a card, to forward to a person; empty for a card charge. */
    public static Optional<URI> checkoutUrl(FundResult result) {
        return result == null ? Optional.empty() : Optional.ofNullable(result.getCheckoutUrl());
    }

    /** True when a person must complete 3D Secure before the funding can succeed. */
    public static boolean requiresAction(FundResult result) {
        Payment payment = result == null ? null : result.getPayment();
        return payment != null && payment.getStatus() == Payment.StatusEnum.REQUIRES_ACTION;
    }

    /**
     * True for a decline because the card needs 3D Secure ({@code payment_declined} with
     * {@code decline_code: authentication_required}), as subscriptions answer such a card: have a person
     * pay through Checkout instead ({@link #startSubscriptionCheckout}).
     */
    public static boolean needsAuthentication(ModelsLabException e) {
        return e.isPaymentDeclined() && e.declineCode().filter(AUTHENTICATION_REQUIRED::equals).isPresent();
    }

    /**
     * The emulator's own 3D Secure page for a funding awaiting it, an emulator extension for tests; the
     * live API sends none (it sends the person to modelslab.com/pricing), so this is empty there.
     */
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
     * Waits for a person to pay a {@code fund} payment link or {@link #startWalletCheckout} session, then
     * credits the wallet. Polls while the
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
