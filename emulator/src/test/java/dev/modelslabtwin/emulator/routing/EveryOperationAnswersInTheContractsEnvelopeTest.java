package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.ContractExamples;
import dev.modelslabtwin.emulator.ContractResponseValidator;
import dev.modelslabtwin.emulator.EmulatorServer;
import dev.modelslabtwin.emulator.ExampleApis;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends every operation its contract example and holds the answer to the contract: the binding,
 * validation and envelope layers must let a valid request through and answer it exactly as
 * documented (status, schema, rate-limit headers).
 */
class EveryOperationAnswersInTheContractsEnvelopeTest {

    private static EmulatorServer server;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        server = EmulatorServer.start("127.0.0.1", 0, new ExampleApis().routes(), ExampleApis.ANY_BEARER_TOKEN, null,
                RateLimiter.ofContract(false), config -> { });
        http = new TestHttp(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<ContractExamples.Operation> operations() {
        return ContractExamples.operations();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aValidRequestGetsADocumentedSuccessAnswer(ContractExamples.Operation operation) {
        String body = operation.requestExample().map(Object::toString).orElse(null);
        TestHttp.Answer answer = http.send(operation.method(), operation.examplePath(), body,
                Map.of("Authorization", "Bearer test-token", "Idempotency-Key", UUID.randomUUID().toString()));

        assertTrue(answer.status() >= 200 && answer.status() < 300, () -> answer.status() + " " + answer.body());
        assertEquals(List.of(), ContractResponseValidator.violations(operation.method(), operation.examplePath(), answer));
        assertFalse(answer.json().path("meta").path("request_id").asText().isBlank());
        assertTrue(answer.json().get("error").isNull());
    }
}
