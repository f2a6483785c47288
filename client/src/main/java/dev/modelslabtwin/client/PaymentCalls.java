package dev.modelslabtwin.client;

import dev.modelslabtwin.client.api.PaymentsApi;
import dev.modelslabtwin.client.model.PaymentStatus;
import dev.modelslabtwin.client.model.PaymentStatusResponse;

import java.util.Objects;

/**
 * Stripe PaymentIntents created by funding or subscription charges. Mostly needed after a card asked
 * for 3D Secure; {@link PaymentFlows#awaitPayment} polls it.
 */
public final class PaymentCalls {

    private final PaymentsApi api;
    private final CallRunner runner;

    PaymentCalls(PaymentsApi api, CallRunner runner) {
        this.api = api;
        this.runner = runner;
    }

    /** {@code succeeded}, {@code pending} (3D Secure or processing) or {@code failed}. */
    public PaymentStatus status(String paymentIntentId) {
        Objects.requireNonNull(paymentIntentId, "paymentIntentId");
        return runner.read("getPaymentStatus", () -> api.getPaymentStatusWithHttpInfo(paymentIntentId),
                PaymentStatusResponse::getData);
    }
}
