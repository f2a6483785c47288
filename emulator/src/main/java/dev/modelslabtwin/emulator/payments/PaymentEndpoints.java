package dev.modelslabtwin.emulator.payments;

import dev.modelslabtwin.client.model.PaymentStatus;
import dev.modelslabtwin.client.model.PaymentStatusResponse;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.api.PaymentsApi;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;

import java.util.Map;

/** The Payments operations: the status of the caller's own PaymentIntents. */
public final class PaymentEndpoints implements PaymentsApi {

    private final Services services;
    private final PaymentIntents paymentIntents;

    public PaymentEndpoints(Services services, PaymentIntents paymentIntents) {
        this.services = services;
        this.paymentIntents = paymentIntents;
    }

    @Override
    public PaymentStatusResponse getPaymentStatus(RequestContext context, String id) {
        PaymentReport report = services.database().transaction(db -> {
            PaymentIntents.PaymentIntent intent = paymentIntents.owned(db, context.accountId(), id)
                    .orElseThrow(() -> new ApiProblem(404, "not_found", "No such payment: " + id + ".",
                            Map.of("payment_intent_id", id)));
            return PaymentReport.of(db, intent);
        });
        PaymentStatus status = new PaymentStatus()
                .status(report.status())
                .paymentIntentId(report.intent().id())
                .amount(report.intent().amount())
                .currency(PaymentStatus.CurrencyEnum.USD)
                .purpose(report.purpose());
        return new PaymentStatusResponse().data(report.failed() ? status.declineCode(report.intent().declineCode()) : status);
    }
}
