package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.faults.Fault;
import dev.modelslabtwin.emulator.journal.JournalEntry;
import dev.modelslabtwin.emulator.journal.RequestJournal;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An MCP tool call is the REST request it stands for, through the same pipeline: idempotency, rate
 * limits, faults, card data policy, the ledger and the journal treat both alike.
 */
class McpCallsAreRestCallsTest extends DefaultAgentTest {

    @Test
    void theJournalShowsEachCallAsTheRestRequestItMadeMarkedAsMcp(Emulator emulator) {
        mcp.call("agent-wallet", "fund", "amount", 25, "payment_method_id", "pm_card_visa").ok();
        rest.get("/wallet/balance");

        List<JournalEntry> entries = journal(emulator);
        JournalEntry balance = entries.get(0);
        JournalEntry fund = entries.get(1);
        assertEquals("rest", balance.view().get("via"));
        assertEquals("mcp", fund.view().get("via"));
        assertEquals("agent-wallet", fund.view().get("mcp_tool"));
        assertEquals("fund", fund.view().get("mcp_action"));
        assertEquals("POST", fund.method());
        assertEquals("/api/agents/v1/wallet/fund", fund.path());
        assertEquals("fundWallet", fund.operationId());
        assertEquals(200, fund.status());
        assertEquals(1L, fund.accountId());
        assertTrue(fund.requestHeaders().get("idempotency-key").matches("[0-9a-f-]{36}"),
                "fund makes up a key when the agent sends none, as the hosted server does");
    }

    @Test
    void aRestClientCannotPassItsRequestsOffAsMcpCalls(Emulator emulator) {
        TestHttp.Answer answer = rest.send("GET", "/wallet/balance", null,
                Map.of("Authorization", "Bearer " + token, InProcessApi.CALL_HEADER, "agent-wallet balance"));

        assertEquals(200, answer.status());
        assertEquals("rest", journal(emulator).get(0).view().get("via"));
        assertNull(journal(emulator).get(0).view().get("mcp_tool"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndChargesOnce() {
        JsonNode first = mcp.call("agent-wallet", "fund", "amount", 25, "payment_method_id", "pm_card_visa",
                "idempotency_key", "fund-25-mcp-1").ok();
        AgentMcpClient.Reply replay = mcp.call("agent-wallet", "fund", "amount", 25, "payment_method_id", "pm_card_visa",
                "idempotency_key", "fund-25-mcp-1");

        assertEquals(first, replay.ok());
        assertTrue(replay.envelope().path("meta").path("idempotency_replay").asBoolean());
        assertMoney("75.00", rest.get("/wallet/balance").json().path("data").path("balance"));
        mcp.call("agent-wallet", "fund", "amount", 30, "payment_method_id", "pm_card_visa", "idempotency_key", "fund-25-mcp-1")
                .refused("idempotency_conflict");
    }

    @Test
    void aKeyUsedOverRestIsReplayedOverMcp() {
        TestHttp.Answer overRest = rest.post("/wallet/fund", "{\"amount\": 25, \"payment_method_id\": \"pm_card_visa\"}",
                "shared-key-1");

        AgentMcpClient.Reply overMcp = mcp.call("agent-wallet", "fund", "amount", 25, "payment_method_id", "pm_card_visa",
                "idempotency_key", "shared-key-1");

        assertEquals(overRest.json().path("data").path("payment").path("payment_intent_id"),
                overMcp.ok().path("payment").path("payment_intent_id"));
        assertMoney("75.00", rest.get("/wallet/balance").json().path("data").path("balance"));
    }

    @Test
    void mcpAndRestCallsOfOneAgentShareTheirRateLimitWindow() {
        for (int i = 0; i < 10; i++) {
            mcp.call("agent-billing", "create-setup-intent").ok();
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(200, rest.post("/billing/setup-intent", null).status());
        }

        AgentMcpClient.Reply throttled = mcp.call("agent-billing", "create-setup-intent").refused("rate_limited");

        assertTrue(throttled.details().path("retry_after").asInt() > 0, throttled.envelope().toString());
        assertEquals(429, rest.post("/billing/setup-intent", null).status());
    }

    @Test
    void theRateLimiterCountsACallAgainstTheMcpClientsOwnAddress(Emulator emulator) {
        URI root = URI.create(emulator.baseUrl());
        McpCaller elsewhere = new McpCaller("Bearer " + token, "203.0.113.7", root.getRawAuthority(), "http", "test");
        ToolCatalogue.CatalogueTool billing = emulator.mcp().catalogue().tool("agent-billing");
        for (int i = 0; i < 15; i++) {
            assertFalse(emulator.mcp().call(billing, Map.of("action", "create-setup-intent"), elsewhere).isError());
        }

        McpSchema.CallToolResult throttled = emulator.mcp().call(billing, Map.of("action", "create-setup-intent"), elsewhere);

        assertTrue(throttled.isError());
        assertEquals(200, rest.post("/billing/setup-intent", null).status(), "the loopback agent has a window of its own");
        assertEquals(200, rest.send("POST", "/billing/setup-intent", null,
                        Map.of("Authorization", "Bearer " + token, "X-Forwarded-For", "203.0.113.7")).status(),
                "a REST client cannot choose its address");
    }

    @Test
    void anInjectedFaultReachesTheAgentAsTheRestClientWouldSeeIt(Emulator emulator) {
        emulator.injectFault(Fault.Spec.error("getWalletBalance", 503, "service_unavailable").times(1));
        mcp.call("agent-wallet", "balance").refused("service_unavailable");

        emulator.injectFault(Fault.Spec.dropConnection("getWalletBalance").times(1));
        McpError dropped = mcp.protocolError("agent-wallet", Map.of("action", "balance"));

        assertEquals(McpSchema.ErrorCodes.INTERNAL_ERROR, dropped.getJsonRpcError().code());
        mcp.call("agent-wallet", "balance").ok();
    }

    @Test
    void aRawCardNumberIsRefusedAndNeverRecorded(Emulator emulator) {
        mcp.call("agent-wallet", "fund", "amount", 25, "payment_method_id", "4242 4242 4242 4242").refused("card_data_not_accepted");

        String recorded = journal(emulator).get(0).view().toString();
        assertFalse(recorded.contains("4242 4242 4242 4242"), recorded);
        assertTrue(recorded.contains("****4242"), recorded);
    }

    private static List<JournalEntry> journal(Emulator emulator) {
        return emulator.journal().find(new RequestJournal.Filter(null, null, null, null, null, null, null, 10)).entries();
    }
}
