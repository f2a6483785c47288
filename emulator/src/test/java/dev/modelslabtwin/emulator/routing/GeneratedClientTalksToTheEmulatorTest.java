package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.client.ModelsLabClient;
import dev.modelslabtwin.client.ModelsLabException;
import dev.modelslabtwin.client.RetryPolicy;
import dev.modelslabtwin.emulator.EmulatorServer;
import dev.modelslabtwin.emulator.ExampleApis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client generated from the contract and the server interfaces generated from it agree on the wire. */
class GeneratedClientTalksToTheEmulatorTest {

    private static EmulatorServer server;
    private static ModelsLabClient client;

    @BeforeAll
    static void start() {
        server = EmulatorServer.start("127.0.0.1", 0, new ExampleApis().routes(), ExampleApis.ANY_BEARER_TOKEN, null,
                RateLimiter.ofContract(true), config -> { });
        client = ModelsLabClient.builder().baseUrl(server.baseUrl()).token("test-token").retryPolicy(RetryPolicy.NONE).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theClientUnwrapsTheEmulatorsEnvelope() {
        assertEquals(new BigDecimal("75.50"), client.wallet().balance().getBalance());
    }

    @Test
    void aContractViolationReachesTheClientAsATypedValidationError() {
        ModelsLabException error = assertThrows(ModelsLabException.class, () -> client.wallet().fund(new BigDecimal("3")));

        assertEquals(422, error.status());
        assertTrue(error.isValidationError());
        assertTrue(error.details().containsKey("amount"), error.details()::toString);
        assertFalse(error.requestId().orElse("").isBlank());
    }

    @Test
    void theEmulatorsRateLimitReachesTheClientAsA429() {
        String limiter = ContractOperations.of("listInvoices").limiter();
        server.rateLimiter().setLimit(limiter, 0);
        try {
            ModelsLabException error = assertThrows(ModelsLabException.class, () -> client.billing().invoices());

            assertEquals(429, error.status());
            assertEquals("rate_limited", error.code());
            assertTrue(error.retryAfter().isPresent());
        } finally {
            server.rateLimiter().setLimit(limiter, ContractOperations.rateLimits().get(limiter));
        }
    }
}
