package dev.modelslabtwin.emulator.subscriptions;

import dev.modelslabtwin.client.model.AutoPayments;
import dev.modelslabtwin.client.model.PayAsYouGo;
import dev.modelslabtwin.openapi.Contract;
import dev.modelslabtwin.openapi.lint.Operations;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The pay-as-you-go option the plan catalogue describes, with its published wording. Its minimum
 * top-up and endpoints are read from the contract's own wallet operations, so they cannot drift from
 * what those operations accept.
 */
final class PayAsYouGoTerms {

    private static final PayAsYouGo TERMS = read();

    private PayAsYouGoTerms() {
    }

    static PayAsYouGo terms() {
        return TERMS;
    }

    private static PayAsYouGo read() {
        var api = Contract.openApi();
        Map<String, String> endpoints = new HashMap<>();
        Operations.forEach(api, (method, path, item, operation) ->
                endpoints.put(operation.getOperationId(), method + " " + Contract.basePath() + path));
        Schema<?> fundAmount = (Schema<?>) api.getComponents().getSchemas().get("FundWalletRequest").getProperties()
                .get("amount");
        BigDecimal minimum = fundAmount.getMinimum().setScale(2, RoundingMode.UNNECESSARY);
        return new PayAsYouGo()
                .available(true)
                .description("Pay only for what you use with wallet-based billing. No subscription required.")
                .minimumTopupUsd(minimum)
                .currency(PayAsYouGo.CurrencyEnum.USD)
                .autoPayments(new AutoPayments()
                        .supported(true)
                        .description("Automatically top up your wallet when balance drops below a threshold.")
                        .configureEndpoint(endpoint(endpoints, "setAutoFunding"))
                        .disableEndpoint(endpoint(endpoints, "disableAutoFunding")))
                .fundEndpoint(endpoint(endpoints, "fundWallet"));
    }

    private static String endpoint(Map<String, String> endpoints, String operationId) {
        String endpoint = endpoints.get(operationId);
        if (endpoint == null) {
            throw new IllegalStateException("the contract has no operation " + operationId);
        }
        return endpoint;
    }
}
