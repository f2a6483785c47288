package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ResetBeforeEachTest;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.routing.ContractOperations;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /_emulator/reset: back to the seeded state, whatever happened since. */
class ResetTest extends ResetBeforeEachTest {

    @Test
    void resetRestoresTheSeededBalancesAndForgetsAccountsMadeSince() {
        String token = emu.emulator().defaultToken();
        assertEquals(200, control.post("/accounts/1/usage", "{\"amount\": 20}").status());
        long made = control.post("/accounts", "{\"balance\": 5}").json().path("data").path("id").asLong();

        TestHttp.Answer reset = control.post("/reset", null);

        assertEquals(200, reset.status(), reset.body());
        assertEquals(token, reset.json().path("data").path("default_token").asText());
        assertMoney("50.00", balance(emu.http()));
        JsonNode accounts = control.get("/accounts").json().path("data");
        assertEquals(2, accounts.size(), accounts.toString());
        assertTrue(made > 2);
        assertEquals(404, control.post("/accounts/" + made + "/usage", "{\"amount\": 1}").status());
    }

    @Test
    void theDefaultTokenAndTheSeededIdsAreTheSameAfterAReset() {
        String before = emu.emulator().defaultToken();
        control.post("/accounts", null);

        control.post("/reset", null);

        assertEquals(before, emu.emulator().defaultToken());
        assertEquals(200, emu.as(before).get("/wallet/balance").status());
        assertEquals(1, control.get("/accounts").json().path("data").get(0).path("id").asLong());
        assertEquals("agent@example.com", control.get("/accounts").json().path("data").get(0).path("email").asText());
    }

    @Test
    void resetPutsEmulatedTimeBackToRealTime() {
        control.post("/clock/advance", "{\"duration\": \"P10D\"}");

        control.post("/reset", null);

        assertEquals(0, control.get("/clock").json().path("data").path("offset_seconds").asLong());
    }

    @Test
    void resetClearsFaultsAndTheJournal() {
        control.post("/faults", "{\"operation_id\": \"getWalletBalance\", \"type\": \"error\", \"status\": 503}");
        emu.as(emu.emulator().defaultToken()).send("GET", "/wallet/balance", null, java.util.Map.of());

        control.post("/reset", null);

        assertEquals(0, control.get("/faults").json().path("data").size());
        assertEquals(0, control.get("/journal").json().path("data").path("entries").size());
        assertEquals(200, emu.http().get("/wallet/balance").status());
    }

    @Test
    void resetStartsEveryRateLimitWindowAfresh() {
        String limiter = ContractOperations.of("getWalletBalance").limiter();
        emu.emulator().server().rateLimiter().setLimit(limiter, 2);
        try {
            TestHttp http = emu.http();
            http.get("/wallet/balance");
            http.get("/wallet/balance");
            assertEquals(429, new TestHttp(emu.emulator().baseUrl(), emu.emulator().defaultToken()).get("/wallet/balance").status());

            control.post("/reset", null);

            assertEquals(200, http.get("/wallet/balance").status());
        } finally {
            emu.emulator().server().rateLimiter().setLimit(limiter, Integer.MAX_VALUE);
        }
    }

    static BigDecimal balance(TestHttp http) {
        TestHttp.Answer answer = http.get("/wallet/balance");
        assertEquals(200, answer.status(), answer.body());
        return new BigDecimal(answer.json().path("data").path("balance").asText());
    }
}
