package dev.modelslabtwin.emulator.payments;

import dev.modelslabtwin.emulator.Services;
import dev.modelslabtwin.emulator.api.PaymentsApi;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.client.model.ErrorEnvelope;
import dev.modelslabtwin.client.model.PaymentStatusResponse;

/** The Payments operations. */
public final class PaymentEndpoints implements PaymentsApi {

    private final Services services;

    public PaymentEndpoints(Services services) {
        this.services = services;
    }

    @Override
    public PaymentStatusResponse getPaymentStatus(RequestContext context, String id) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
