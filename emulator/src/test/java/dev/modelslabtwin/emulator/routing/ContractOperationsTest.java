package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.openapi.Contract;
import dev.modelslabtwin.openapi.lint.Operations;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The facts read from the JSON document as a tree are those the parsed OpenAPI model gives. */
class ContractOperationsTest {

    @Test
    void everyOperationsFactsAgreeWithTheParsedDocument() {
        var api = Contract.openApi();

        Operations.forEach(api, (method, path, item, op) -> {

            ContractOperations.Facts facts = ContractOperations.of(op.getOperationId());
            Map<String, Object> ext = op.getExtensions() == null ? Map.of() : op.getExtensions();
            int success = op.getResponses().keySet().stream()
                    .filter(code -> code.startsWith("2")).map(Integer::valueOf).min(Integer::compare).orElse(200);
            boolean idempotent = op.getParameters() != null && op.getParameters().stream()
                    .anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName())
                            || (p.get$ref() != null && p.get$ref().endsWith("/IdempotencyKey")));
            Object scope = ext.get("x-required-scope");

            String what = method + " " + path;
            assertEquals(Operations.isSecured(api, op), facts.secured(), what);
            assertEquals(scope == null ? null : scope.toString(), facts.requiredScope(), what);
            assertEquals(String.valueOf(ext.get("x-rate-limiter")), facts.limiter(), what);
            assertEquals(idempotent, facts.idempotent(), what);
            assertEquals(success, facts.successStatus(), what);
        });
        assertEquals(Operations.rateLimits(api), ContractOperations.rateLimits());
        assertEquals(java.net.URI.create(api.getServers().get(0).getUrl()).getPath(), Contract.basePath());
    }
}
