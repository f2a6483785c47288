package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.ContractResponseValidator;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.EmulatorServer;
import dev.modelslabtwin.emulator.ExampleApis;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsAreServedAsTheLiveApiDoesTest {

    private EmulatorServer server;
    private TestHttp http;

    @BeforeEach
    void start() {
        server = EmulatorServer.start("127.0.0.1", 0, new ExampleApis().routes(), ExampleApis.ANY_BEARER_TOKEN, null,
                RateLimiter.ofContract(true), config -> { });
        http = new TestHttp(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyAnswerCarriesTheWindowOfItsOperationsLimiter() {
        TestHttp.Answer answer = http.get("/wallet/balance");

        assertEquals("120", answer.header("X-RateLimit-Limit"));
        assertEquals("119", answer.header("X-RateLimit-Remaining"));
        assertNotNull(answer.header("X-RateLimit-Reset"));
    }

    @Test
    void billingMutationsCountAgainstTheBillingLimiter() {
        TestHttp.Answer answer = http.post("/wallet/fund", "{\"amount\": 25}");

        assertEquals("15", answer.header("X-RateLimit-Limit"));
    }

    @Test
    void theRequestOverTheLimitGetsA429WithRetryAfterInTheEnvelope() {
        server.rateLimiter().setLimit(ContractOperations.of("getWalletBalance").limiter(), 2);
        http.get("/wallet/balance");
        http.get("/wallet/balance");

        TestHttp.Answer refused = http.get("/wallet/balance");

        assertEquals(429, refused.status());
        assertEquals("rate_limited", refused.json().path("error").path("code").asText());
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0);
        assertEquals(List.of(), ContractResponseValidator.violations("GET", "/wallet/balance", refused));
    }

    @Test
    void aValidationErrorStillCarriesTheRateLimitHeaders() {
        TestHttp.Answer answer = http.post("/wallet/fund", "{\"amount\": 1}");

        assertEquals(422, answer.status());
        assertEquals(List.of(), ContractResponseValidator.violations("POST", "/wallet/fund", answer));
    }

    @Test
    void withRateLimitsOffNothingIsThrottledAndTheHeadersStillCome() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withRateLimits(false))) {
            TestHttp owner = new TestHttp(emulator.baseUrl(), emulator.defaultToken());
            for (int i = 0; i < 40; i++) {
                TestHttp.Answer answer = owner.post("/wallet/withdraw", "{\"amount\": 1}");

                assertEquals(403, answer.status(), answer.body());
                assertNotNull(answer.header("X-RateLimit-Remaining"));
            }
        }
    }
}
