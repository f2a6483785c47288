package dev.modelslabtwin.emulator.routing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RememberedOperationsTest {

    @Test
    void aValidatorRememberingOperationsAnswersEveryRequestAsOneLookingThemUpEachTime() {
        OpenApiInteractionValidator lookingUp = ContractValidator.forContract().build();
        OpenApiInteractionValidator remembering = ContractValidator.forContract().build();

        assertTrue(RememberedOperations.install(remembering));
        List<Request> requests = List.of(
                SimpleRequest.Builder.get("/api/agents/v1/wallet/balance").build(),
                SimpleRequest.Builder.get("/api/agents/v1/wallet/transactions").withQueryParam("limit", "abc").build(),
                SimpleRequest.Builder.get("/api/agents/v1/wallet/transactions").withQueryParam("limit", "20").build(),
                SimpleRequest.Builder.post("/api/agents/v1/subscriptions/5/pause").build(),
                SimpleRequest.Builder.post("/api/agents/v1/subscriptions/abc/pause").build(),
                SimpleRequest.Builder.get("/api/agents/v1/nope").build(),
                SimpleRequest.Builder.patch("/api/agents/v1/wallet/balance").build(),
                SimpleRequest.Builder.post("/api/agents/v1/wallet/fund").withContentType("application/json")
                        .withBody("{\"amount\": 1}").build());
        for (int round = 0; round < 2; round++) {
            for (Request request : requests) {
                assertEquals(messages(lookingUp.validateRequest(request)), messages(remembering.validateRequest(request)),
                        request.getMethod() + " " + request.getPath());
            }
        }
    }

    private static List<String> messages(ValidationReport report) {
        return report.getMessages().stream().map(m -> m.getLevel() + " " + m.getKey() + " " + m.getMessage()).toList();
    }
}
