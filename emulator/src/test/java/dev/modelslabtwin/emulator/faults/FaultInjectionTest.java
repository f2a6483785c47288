package dev.modelslabtwin.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.client.ModelsLabClient;
import dev.modelslabtwin.client.ModelsLabException;
import dev.modelslabtwin.client.RetryPolicy;
import dev.modelslabtwin.emulator.ResetBeforeEachTest;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults injected through the control API, as agents (and our client) meet them. */
class FaultInjectionTest extends ResetBeforeEachTest {

    @Test
    void anInjectedErrorAnswersInTheApiEnvelopeAndChangesNothing() {
        addFault("{\"operation_id\": \"fundWallet\", \"type\": \"error\", \"status\": 503, \"code\": \"service_unavailable\","
                + " \"message\": \"Stripe is down.\", \"retry_after_seconds\": 30}");

        TestHttp.Answer fund = emu.http().post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"pm_card_visa\"}");

        assertEquals(503, fund.status(), fund.body());
        JsonNode error = fund.json().path("error");
        assertEquals("service_unavailable", error.path("code").asText());
        assertEquals("Stripe is down.", error.path("message").asText());
        assertEquals("30", fund.header("Retry-After"));
        assertTrue(fund.json().path("meta").path("request_id").isTextual());
        assertMoney("50.00", balance());
        assertEquals(0, emu.database().transaction(db -> Sql.number(db, "SELECT COUNT(*) FROM payment_intents")).intValue());
    }

    @Test
    void anErrorCanCarryTheDetailsOfTheFailureItStandsFor() {
        addFault("{\"operation_id\": \"fundWallet\", \"type\": \"error\", \"status\": 402, \"code\": \"payment_declined\","
                + " \"details\": {\"decline_code\": \"insufficient_funds\"}, \"times\": 1}");

        ModelsLabException declined = assertThrows(ModelsLabException.class,
                () -> client(RetryPolicy.NONE).wallet().fund(new BigDecimal("25.00"), "pm_card_visa"));

        assertTrue(declined.isPaymentDeclined());
        assertEquals("insufficient_funds", declined.declineCode().orElseThrow());
    }

    @Test
    void aFaultForNTimesHitsTheNextNRequestsThenStops() {
        String id = addFault("{\"operation_id\": \"getWalletBalance\", \"type\": \"error\", \"status\": 500, \"times\": 2}");

        int first = emu.http().get("/wallet/balance").status();
        int second = emu.http().get("/wallet/balance").status();
        int third = emu.http().get("/wallet/balance").status();

        assertEquals(500, first);
        assertEquals(500, second);
        assertEquals(200, third);
        JsonNode fault = control.get("/faults").json().path("data").get(0);
        assertEquals(id, fault.path("id").asText());
        assertEquals(2, fault.path("injected").asInt());
        assertEquals(0, fault.path("remaining").asInt());
    }

    @Test
    void aFaultWithAProbabilityHitsAboutThatShareOfRequestsAndASeedRepeatsTheDraws() {
        String fault = "{\"path\": \"/wallet/balance\", \"method\": \"GET\", \"type\": \"error\", \"status\": 503, "
                + "\"probability\": 0.3, \"seed\": 7}";
        TestHttp http = new TestHttp(emu.emulator().baseUrl(), emu.emulator().defaultToken());
        addFault(fault);
        StringBuilder firstRun = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            firstRun.append(http.get("/wallet/balance").status() == 503 ? 'x' : '.');
        }
        control.delete("/faults");
        addFault(fault);
        StringBuilder secondRun = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            secondRun.append(http.get("/wallet/balance").status() == 503 ? 'x' : '.');
        }

        long hits = firstRun.chars().filter(c -> c == 'x').count();
        assertTrue(hits >= 15 && hits <= 45, "30% of 100 requests, give or take: " + hits);
        assertEquals(firstRun.toString(), secondRun.toString());
    }

    @Test
    void latencyDelaysTheAnswerWhichIsOtherwiseNormal() {
        addFault("{\"operation_id\": \"getWalletBalance\", \"type\": \"latency\", \"latency_ms\": 400, \"times\": 1}");

        long started = System.nanoTime();
        TestHttp.Answer slow = emu.http().get("/wallet/balance");
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertEquals(200, slow.status());
        assertTrue(tookMillis >= 400, tookMillis + " ms");
    }

    @Test
    void anInjected429IsRetriedByOurClientAfterTheRetryAfterItAsksFor() {
        addFault("{\"operation_id\": \"getWalletBalance\", \"type\": \"rate_limit\", \"retry_after_seconds\": 1, \"times\": 1}");

        BigDecimal balance = client(RetryPolicy.DEFAULT).wallet().balance().getBalance();

        assertMoney("50.00", balance);
        JsonNode calls = control.get("/journal?operation_id=getWalletBalance").json().path("data").path("entries");
        assertEquals(2, calls.size(), calls.toString());
        JsonNode refused = calls.get(1);
        JsonNode retried = calls.get(0);
        assertEquals(429, refused.path("status").asInt());
        assertEquals("1", refused.path("response").path("headers").path("retry-after").asText());
        assertEquals("rate_limited", refused.path("response").path("body").path("error").path("code").asText());
        assertEquals(200, retried.path("status").asInt());
        long waited = Duration.between(Instant.parse(refused.path("received_at").asText()),
                Instant.parse(retried.path("received_at").asText())).toMillis();
        assertTrue(waited >= 990, "the client waited " + waited + " ms, not the 1 s Retry-After asked for");
    }

    @Test
    void anInjected429CarriesTheRateLimitHeadersOfAnExhaustedWindow() {
        addFault("{\"operation_id\": \"getWalletBalance\", \"type\": \"rate_limit\", \"retry_after_seconds\": 7}");

        TestHttp.Answer limited = emu.http().get("/wallet/balance");

        assertEquals(429, limited.status());
        assertEquals("7", limited.header("Retry-After"));
        assertEquals("0", limited.header("X-RateLimit-Remaining"));
        long reset = Long.parseLong(limited.header("X-RateLimit-Reset"));
        assertTrue(Math.abs(reset - (System.currentTimeMillis() / 1000 + 7)) <= 2, "reset " + reset);
    }

    @Test
    void aDroppedConnectionIsSeenByOurClientAsANetworkError() {
        addFault("{\"operation_id\": \"getWalletBalance\", \"type\": \"drop_connection\"}");

        ModelsLabException dropped = assertThrows(ModelsLabException.class,
                () -> client(RetryPolicy.NONE).wallet().balance());

        assertTrue(dropped.isNetworkError(), dropped.toString());
        assertEquals(0, dropped.status());
        JsonNode entry = control.get("/journal?operation_id=getWalletBalance").json().path("data").path("entries").get(0);
        assertTrue(entry.path("dropped").asBoolean(), entry.toString());
        assertTrue(entry.path("status").isNull(), entry.toString());
    }

    @Test
    void aConnectionDroppedOnceIsRetriedByOurClientForACallSafeToRepeat() {
        addFault("{\"operation_id\": \"getWalletBalance\", \"type\": \"drop_connection\", \"times\": 1}");

        BigDecimal balance = client(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)))
                .wallet().balance().getBalance();

        assertMoney("50.00", balance);
        assertEquals(2, control.get("/journal?operation_id=getWalletBalance").json().path("data").path("entries").size());
    }

    @Test
    void aPathPatternWithAMethodHitsOnlyThoseRequests() {
        addFault("{\"method\": \"GET\", \"path\": \"/payments/{id}/status\", \"type\": \"error\", \"status\": 502}");

        TestHttp.Answer status = emu.http().get("/payments/pi_anything/status");
        TestHttp.Answer balance = emu.http().get("/wallet/balance");

        assertEquals(502, status.status());
        assertEquals("bad_gateway", status.json().path("error").path("code").asText());
        assertEquals(200, balance.status());
    }

    @Test
    void aFaultHitsEvenARequestItsCallerCouldNotHaveMade() {
        addFault("{\"path\": \"/wallet/**\", \"type\": \"error\", \"status\": 503}");

        TestHttp.Answer anonymous = emu.as(null).get("/wallet/balance");

        assertEquals(503, anonymous.status(), "faults act before authentication, as an outage would");
    }

    @Test
    void faultsAreListedRemovedOneByOneAndClearedAltogether() {
        String first = addFault("{\"operation_id\": \"getWalletBalance\", \"type\": \"error\", \"status\": 500}");
        addFault("{\"operation_id\": \"fundWallet\", \"type\": \"drop_connection\"}");
        addFault("{\"path\": \"/billing/**\", \"type\": \"latency\", \"latency_ms\": 5}");

        TestHttp.Answer removed = control.delete("/faults/" + first);
        int left = control.get("/faults").json().path("data").size();
        TestHttp.Answer cleared = control.delete("/faults");

        assertEquals(200, removed.status());
        assertEquals(2, left);
        assertEquals(2, cleared.json().path("data").path("cleared").asInt());
        assertEquals(0, control.get("/faults").json().path("data").size());
        assertEquals(404, control.delete("/faults/" + first).status());
        assertEquals(200, emu.http().get("/wallet/balance").status());
    }

    @Test
    void aFaultThatCannotActIsRefusedFieldByField() {
        TestHttp.Answer noTarget = control.post("/faults", "{\"type\": \"drop_connection\"}");
        TestHttp.Answer unknownOperation = control.post("/faults", "{\"operation_id\": \"fundEverything\", \"type\": \"drop_connection\"}");
        TestHttp.Answer errorWithoutStatus = control.post("/faults", "{\"operation_id\": \"fundWallet\", \"type\": \"error\"}");
        TestHttp.Answer certainlyNever = control.post("/faults", "{\"operation_id\": \"fundWallet\", \"type\": \"drop_connection\", \"probability\": 0}");

        assertTrue(noTarget.json().path("error").path("details").has("operation_id"), noTarget.body());
        assertTrue(unknownOperation.json().path("error").path("details").has("operation_id"), unknownOperation.body());
        assertTrue(errorWithoutStatus.json().path("error").path("details").has("status"), errorWithoutStatus.body());
        assertTrue(certainlyNever.json().path("error").path("details").has("probability"), certainlyNever.body());
        for (TestHttp.Answer refused : new TestHttp.Answer[] {noTarget, unknownOperation, errorWithoutStatus, certainlyNever}) {
            assertEquals(422, refused.status(), refused.body());
        }
        assertEquals(0, control.get("/faults").json().path("data").size());
    }

    private static String addFault(String json) {
        TestHttp.Answer added = control.post("/faults", json);
        assertEquals(201, added.status(), added.body());
        return added.json().path("data").path("id").asText();
    }

    private static ModelsLabClient client(RetryPolicy retryPolicy) {
        return ModelsLabClient.builder().baseUrl(emu.emulator().baseUrl()).token(emu.emulator().defaultToken())
                .retryPolicy(retryPolicy).build();
    }

    private static BigDecimal balance() {
        return new BigDecimal(emu.http().get("/wallet/balance").json().path("data").path("balance").asText());
    }
}
