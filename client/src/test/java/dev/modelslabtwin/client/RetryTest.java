package dev.modelslabtwin.client;

import dev.modelslabtwin.client.model.FundResult;
import dev.modelslabtwin.client.model.FundWalletRequest;
import dev.modelslabtwin.client.model.WalletBalance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.modelslabtwin.client.ScriptedServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryTest {

    private static final String BALANCE = "{\"balance\":75.50,\"currency\":\"USD\"}";
    private static final String FUNDED = "{\"message\":\"Wallet funded.\",\"amount\":25,\"balance\":100.5,\"currency\":\"USD\","
            + "\"payment\":{\"status\":\"succeeded\",\"payment_intent_id\":\"pi_1\",\"amount\":25,\"currency\":\"usd\"}}";

    private ScriptedServer server;
    private FakeTime time;
    private ModelsLabClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        time = new FakeTime();
        client = TestClients.against(server, time);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Reply rateLimited(String retryAfterSeconds) {
        return Reply.error(429, "rate_limited", "Too many requests.", "{}").withHeader("Retry-After", retryAfterSeconds);
    }

    private static Reply serverError() {
        return Reply.error(500, "internal_error", "Something went wrong.", "{}");
    }

    @Test
    void rateLimitIsRetriedAfterWaitingTheRetryAfterDuration() {
        server.reply(rateLimited("3"), Reply.data(BALANCE));

        WalletBalance balance = client.wallet().balance();

        assertEquals(new BigDecimal("75.50"), balance.getBalance());
        assertEquals(List.of(Duration.ofSeconds(3)), time.sleeps());
        assertEquals(2, server.requests().size());
    }

    @Test
    void rateLimitIsRetriedEvenForANonIdempotentCall() {
        server.reply(rateLimited("1"), Reply.data("{\"access_token\":\"2|new\",\"token_type\":\"Bearer\"}"));

        assertEquals("2|new", client.auth().login("agent@example.com", "secret123").getAccessToken());
        assertEquals(2, server.requests().size());
    }

    @Test
    void rateLimitWithoutRetryAfterWaitsTheComputedBackoff() {
        server.reply(Reply.error(429, "rate_limited", "Too many requests.", "{}"), Reply.data(BALANCE));

        client.wallet().balance();

        assertEquals(1, time.sleeps().size());
        Duration waited = time.sleeps().get(0);
        assertTrue(!waited.isNegative() && waited.compareTo(Duration.ofMillis(100)) <= 0,
                "first backoff within the jittered base delay, was " + waited);
    }

    @Test
    void retryAfterAboveTheCapFailsAtOnce() {
        server.reply(rateLimited("120"), Reply.data(BALANCE));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.wallet().balance());

        assertEquals(429, e.status());
        assertEquals("rate_limited", e.code());
        assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
        assertEquals(1, server.requests().size());
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void serverErrorOnFundIsRetriedWithTheSameGeneratedIdempotencyKey() {
        server.reply(serverError(), serverError(), Reply.data(FUNDED));

        FundResult result = client.wallet().fund(new BigDecimal("25"), "pm_card_visa");

        assertEquals(new BigDecimal("100.5"), result.getBalance());
        List<String> keys = server.requests().stream().map(r -> r.header("Idempotency-Key")).collect(Collectors.toList());
        assertEquals(3, keys.size());
        assertNotNull(keys.get(0));
        assertEquals(Set.of(keys.get(0)), Set.copyOf(keys));
        assertEquals(2, time.sleeps().size());
    }

    @Test
    void separateFundCallsGetDifferentIdempotencyKeys() {
        server.reply(Reply.data(FUNDED), Reply.data(FUNDED));

        client.wallet().fund(new BigDecimal("25"), "pm_card_visa");
        client.wallet().fund(new BigDecimal("25"), "pm_card_visa");

        List<ScriptedServer.Recorded> requests = server.requests();
        assertNotEquals(requests.get(0).header("Idempotency-Key"), requests.get(1).header("Idempotency-Key"));
    }

    @Test
    void callerSuppliedIdempotencyKeyIsSentAsGivenOnEveryAttempt() {
        server.reply(serverError(), Reply.data(FUNDED));

        client.wallet().fund(new FundWalletRequest().amount(new BigDecimal("25")).paymentMethodId("pm_card_visa"),
                "fund-25-20260220-abc");

        assertEquals(List.of("fund-25-20260220-abc", "fund-25-20260220-abc"),
                server.requests().stream().map(r -> r.header("Idempotency-Key")).collect(Collectors.toList()));
    }

    @Test
    void serverErrorIsNotRetriedForANonIdempotentCall() {
        server.reply(serverError(), Reply.data("{\"access_token\":\"2|new\"}"));

        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> client.auth().login("agent@example.com", "secret123"));

        assertEquals(500, e.status());
        assertEquals(1, server.requests().size());
        assertNull(server.onlyRequest().header("Idempotency-Key"));
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void clientErrorIsNeverRetried() {
        server.reply(Reply.error(409, "invalid_state", "Subscription is not paused.", "{}"), Reply.data("{}"));

        assertThrows(ModelsLabException.class, () -> client.subscriptions().resume(45));

        assertEquals(1, server.requests().size());
    }

    @Test
    void exhaustedRetryBudgetThrowsTheLastError() {
        server.reply(serverError(), serverError(), serverError(),
                Reply.error(503, "internal_error", "Last failure.", "{}"));

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.wallet().balance());

        assertEquals(503, e.status());
        assertEquals("Last failure.", e.getMessage());
        assertEquals(TestClients.FAST_RETRIES.maxRetries() + 1, server.requests().size());
        assertEquals(TestClients.FAST_RETRIES.maxRetries(), time.sleeps().size());
    }

    @Test
    void connectionRefusedBecomesNetworkErrorAfterRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ModelsLabClient unreachable = ModelsLabClient.builder(name -> null)
                .baseUrl("http://127.0.0.1:" + closedPort)
                .token(TestClients.TOKEN)
                .retryPolicy(TestClients.FAST_RETRIES)
                .sleeper(time)
                .clock(time.clock())
                .build();

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> unreachable.wallet().balance());

        assertEquals(0, e.status());
        assertEquals("network_error", e.code());
        assertTrue(e.isNetworkError());
        assertEquals(TestClients.FAST_RETRIES.maxRetries(), time.sleeps().size());
    }

    @Test
    void connectionRefusedIsNotRetriedForANonIdempotentCall() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ModelsLabClient unreachable = ModelsLabClient.builder(name -> null)
                .baseUrl("http://127.0.0.1:" + closedPort)
                .retryPolicy(TestClients.FAST_RETRIES)
                .sleeper(time)
                .clock(time.clock())
                .build();

        ModelsLabException e = assertThrows(ModelsLabException.class, () -> unreachable.auth().login("a@example.com", "pw"));

        assertEquals("network_error", e.code());
        assertEquals(List.of(), time.sleeps());
    }
}
