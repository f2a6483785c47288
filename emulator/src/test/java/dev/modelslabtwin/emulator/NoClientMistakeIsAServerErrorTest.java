package dev.modelslabtwin.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the real emulator, sent the mistakes clients make — odd ids, no body, a body
 * that is not JSON or not an object, wrong types, negative and huge amounts — answers in the envelope
 * with a 4xx (or succeeds), never a 5xx, and always within the contract. Each request is made with a
 * fresh account's token, so an operation that revokes tokens (logout, logout-all) cannot turn the
 * rest of the sweep into 401s that hide a server error.
 */
class NoClientMistakeIsAServerErrorTest {

    private static final List<String> ODD_IDS = List.of("0", "-1", "99999999999999999999", "abc", "pm_nope", "in_nope",
            "pi_nope", "%20", "1.5");
    private static final List<String> ODD_BODIES = List.of("", "{}", "[]", "null", "not json", "{\"amount\": -1}",
            "{\"amount\": 1e400}", "{\"amount\": \"ten\"}", "{\"plan_id\": 99999999999}", "{\"new_plan_id\": -5}",
            "{\"payment_method_id\": \"pm_card_visa_chargeDeclined\", \"amount\": 25}", "{\"email\": 5, \"password\": []}",
            "{\"session_id\": \"cs_test_nope\"}", "{\"coupon_code\": \"NOPE\"}");

    @RegisterExtension
    static final TestEmulator emulator = TestEmulator.shared();

    @TestFactory
    Stream<DynamicTest> oddRequestsAnswerWithoutAServerError() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ContractExamples.Operation operation : ContractExamples.operations()) {
            tests.add(DynamicTest.dynamicTest(operation.operationId(), () -> {
                TestHttp http = emulator.http();
                for (String path : paths(operation)) {
                    for (String body : bodies(operation)) {
                        TestEmulator.TestAccount account = emulator.newAccount(new BigDecimal("100.00"), Set.of("*"));
                        // As API clients do: asking for JSON (the verification link answers a browser with a redirect).
                        TestHttp.Answer answer = http.send(operation.method().toUpperCase(), path, body,
                                Map.of("Authorization", "Bearer " + account.token(), "Accept", "application/json"));
                        String what = operation.method() + " " + path + " " + body + " → " + answer.status() + " " + answer.body();
                        assertTrue(answer.status() < 500, what);
                        assertNotEquals("unauthenticated", answer.json().path("error").path("code").asText(), what);
                        assertEquals(answer.header("X-Request-Id"), answer.json().path("meta").path("request_id").asText(), what);
                        if (answer.status() >= 400) {
                            assertTrue(answer.json().path("error").path("code").isTextual(), what);
                        }
                    }
                }
            }));
        }
        return tests.stream();
    }

    private static List<String> paths(ContractExamples.Operation operation) {
        if (!operation.path().contains("{")) {
            return List.of(operation.path());
        }
        List<String> paths = new ArrayList<>(List.of(operation.examplePath()));
        for (String id : ODD_IDS) {
            paths.add(operation.path().replaceAll("\\{[^}]+}", id));
        }
        return paths;
    }

    private static List<String> bodies(ContractExamples.Operation operation) {
        if (!operation.node().has("requestBody")) {
            return List.of("");
        }
        List<String> bodies = new ArrayList<>(ODD_BODIES);
        operation.requestExample().map(JsonNode::toString).ifPresent(bodies::add);
        return bodies;
    }
}
