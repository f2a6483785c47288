package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.EmulatorServer;
import dev.modelslabtwin.emulator.ExampleApis;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.faults.Faults;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer is checked against the contract before it leaves: one that breaks it (here a balance
 * implementation answering a string where the contract says a number) still goes out, marked.
 */
class AnswersThatBreakTheContractAreMarkedTest {

    @Test
    void anAnswerThatBreaksTheContractGoesOutMarkedWithTheBreak() {
        try (EmulatorServer server = serverWithBrokenBalance(true)) {
            TestHttp.Answer answer = new TestHttp(server.baseUrl()).get("/wallet/balance");

            assertEquals(200, answer.status());
            assertTrue(answer.body().contains("\"balance\":\"lots\""), answer.body());
            String violation = answer.headers().get(ApiRouter.CONTRACT_VIOLATION.toLowerCase());
            assertTrue(violation != null && violation.contains("balance"), answer.headers()::toString);
        }
    }

    @Test
    void theSameBrokenAnswerIsMarkedEveryTimeItGoesOut() {
        try (EmulatorServer server = serverWithBrokenBalance(true)) {
            TestHttp http = new TestHttp(server.baseUrl());
            http.get("/wallet/balance");

            TestHttp.Answer again = http.get("/wallet/balance");

            assertTrue(again.headers().get(ApiRouter.CONTRACT_VIOLATION.toLowerCase()) != null, again.headers()::toString);
        }
    }

    @Test
    void anAnswerThatKeepsTheContractIsNotMarked() {
        try (EmulatorServer server = serverWithBrokenBalance(true)) {
            TestHttp.Answer answer = new TestHttp(server.baseUrl()).get("/billing/invoices");

            assertEquals(200, answer.status(), answer.body());
            assertNull(answer.headers().get(ApiRouter.CONTRACT_VIOLATION.toLowerCase()), answer.headers()::toString);
        }
    }

    @Test
    void withResponseValidationOffNothingIsChecked() {
        try (EmulatorServer server = serverWithBrokenBalance(false)) {
            TestHttp.Answer answer = new TestHttp(server.baseUrl()).get("/wallet/balance");

            assertTrue(answer.body().contains("\"balance\":\"lots\""), answer.body());
            assertNull(answer.headers().get(ApiRouter.CONTRACT_VIOLATION.toLowerCase()), answer.headers()::toString);
        }
    }

    /** The contract's example implementations, but getWalletBalance answers a balance of "lots". */
    private static EmulatorServer serverWithBrokenBalance(boolean responseValidation) {
        List<ApiRoute> routes = new ExampleApis().routes().stream()
                .map(route -> route.operationId().equals("getWalletBalance")
                        ? new ApiRoute(route.method(), route.path(), route.operationId(),
                                (context, request) -> Map.of("balance", "lots", "currency", "USD"))
                        : route)
                .toList();
        return EmulatorServer.start("127.0.0.1", 0, routes, ExampleApis.ANY_BEARER_TOKEN, null,
                new Faults(ContractValidator.BASE_PATH), RateLimiter.ofContract(true), responseValidation,
                java.util.concurrent.CompletableFuture.completedFuture(null), config -> { });
    }
}
