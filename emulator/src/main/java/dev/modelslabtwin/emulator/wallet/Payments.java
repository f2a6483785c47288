package dev.modelslabtwin.emulator.wallet;

import dev.modelslabtwin.client.model.Payment;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;

import java.net.URI;

/** A PaymentIntent made by a wallet or subscription request, as the {@code payment} of its answer. */
public final class Payments {

    private Payments() {
    }

    /** {@code publicRoot} roots the 3D Secure page a person completes when the charge awaits it. */
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
