package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.openapi.Contract;
import dev.modelslabtwin.openapi.lint.Operations;

import java.util.HashMap;
import java.util.Map;

/**
 * What the contract says about each operation beyond its route: whether it needs a bearer token and
 * which scope, the limiter that counts it, whether it takes an {@code Idempotency-Key}, and its default
 * success status. Read from the document, never restated.
 */
public final class ContractOperations {

    /** One operation's facts, by operationId. */
    public record Facts(String operationId, boolean secured, String requiredScope, String limiter,
                        boolean idempotent, int successStatus) {
    }

    private static final Map<String, Facts> FACTS = read();

    private ContractOperations() {
    }

    /** The live API's limiters and their requests per minute, as the contract declares them. */
    public static Map<String, Integer> rateLimits() {
        return Operations.rateLimits(Contract.openApi());
    }

    public static Facts of(String operationId) {
        Facts facts = FACTS.get(operationId);
        if (facts == null) {
            throw new IllegalArgumentException("the contract has no operation " + operationId);
        }
        return facts;
    }

    private static Map<String, Facts> read() {
        Map<String, Facts> facts = new HashMap<>();
        var api = Contract.openApi();
        Operations.forEach(api, (method, path, item, op) -> {
            Map<String, Object> ext = op.getExtensions() == null ? Map.of() : op.getExtensions();
            int success = op.getResponses().keySet().stream()
                    .filter(code -> code.startsWith("2")).map(Integer::valueOf).min(Integer::compare).orElse(200);
            Object scope = ext.get("x-required-scope");
            boolean idempotent = op.getParameters() != null && op.getParameters().stream()
                    .anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName())
                            || (p.get$ref() != null && p.get$ref().endsWith("/IdempotencyKey")));
            facts.put(op.getOperationId(), new Facts(op.getOperationId(), Operations.isSecured(api, op),
                    scope == null ? null : scope.toString(), String.valueOf(ext.get("x-rate-limiter")), idempotent, success));
        });
        return Map.copyOf(facts);
    }
}
