package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.client.model.Payment;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;

import java.net.URI;

/** A PaymentIntent made by a wallet or subscription request, as the {@code payment} of its answer. */
public final class Payments {

    /** The documented message of a funding that waits for 3D Secure (headless-flow.mdx, "Handling Card Failures"). */
    public static final String AUTHENTICATION_REQUIRED_MESSAGE = "Additional authentication is required. "
            + "Use modelslab.com/pricing to do payment for this transaction.";

    private Payments() {
    }

    /**
     * {@code publicRoot} roots {@code next_action_url}, the twin's own 3D Secure page for a charge that
     * awaits it: an emulator extension for tests, which the live API does not send.
     */
    public static Payment of(PaymentIntents.PaymentIntent intent, String publicRoot) {
        Payment payment = new Payment()
                .paymentIntentId(intent.id())
                .amount(Money.usd(intent.amount()))
                .currency(Payment.CurrencyEnum.USD)
                .paymentMethodId(intent.paymentMethodId());
        if (intent.requiresAction()) {
            return payment.status(Payment.StatusEnum.REQUIRES_ACTION)
                    .clientSecret(intent.clientSecret())
                    .nextActionUrl(URI.create(publicRoot + PaymentIntents.authenticationPagePath(intent.id())));
        }
        return payment.status(intent.succeeded() ? Payment.StatusEnum.SUCCEEDED : Payment.StatusEnum.FAILED);
    }
}
