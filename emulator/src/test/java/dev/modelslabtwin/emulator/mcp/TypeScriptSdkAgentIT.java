package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.emulator.ExternalProgram;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * An agent written against the official MCP TypeScript SDK ({@code src/test/mcp-typescript/agent.mjs},
 * npm {@code @modelcontextprotocol/sdk} at the version its lockfile pins, installed into
 * {@code target/mcp-typescript} with {@code npm ci}) runs unchanged against {@code /mcp/agents}: it logs in
 * without a token, lists the five tools, funds the wallet and sees the new balance over REST, replays
 * its idempotency key without a second charge, gets a decline as a tool error, subscribes, lists and
 * pauses, lists its tokens and connects with {@code X-Agent-Token}. Needs Node.js 18+ and npm
 * ({@code -Dmcp.typescript=skip} reports it skipped instead).
 */
@ModelsLabEmulator
class TypeScriptSdkAgentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path workDir;

    @BeforeAll
    static void installTheSdk() throws Exception {
        assumeFalse("skip".equals(System.getProperty("mcp.typescript")), "-Dmcp.typescript=skip: the TypeScript SDK agent is not run");
        Path sources = Path.of(System.getProperty("mcp.typescript.sources", "src/test/mcp-typescript"));
        workDir = Path.of(System.getProperty("mcp.typescript.workDir", "target/mcp-typescript"));
        ExternalProgram.npmCi(sources, workDir, List.of("package.json", "package-lock.json", "agent.mjs"),
                "@modelcontextprotocol/sdk", "-Dmcp.typescript=skip");
    }

    @Test
    void theOfficialTypeScriptClientPaysThroughTheTwinUnchanged(@EmulatorBaseUrl String baseUrl) throws Exception {
        long began = System.nanoTime();
        ExternalProgram.Run agent = ExternalProgram.run(workDir, List.of("node", "agent.mjs", baseUrl, "agent@example.com",
                "password"), Map.of(), 120, "Node.js 18+ is needed (-Dmcp.typescript=skip skips this test)");
        System.out.printf("[mcp-typescript] agent.mjs against %s/mcp/agents: %.1f s%n", baseUrl, (System.nanoTime() - began) / 1e9);
        assertEquals(0, agent.exitCode(), agent::output);
        JsonNode seen = JSON.readTree(agent.lastLine());

        assertEquals("modelslab-agent-control-plane", seen.path("server").path("name").asText());
        assertEquals(List.of("agent-auth", "agent-tokens", "agent-billing", "agent-wallet", "agent-subscriptions"), texts(seen.path("tools")));
        assertTrue(seen.path("loggedIn").asBoolean(), "logged in without a token");
        assertMoney("50.00", seen.path("balanceBefore"));
        assertFalse(seen.path("fund").path("isError").asBoolean(true));
        assertMoney("75.00", seen.path("fund").path("balance"));
        assertMoney("75.00", seen.path("balanceAfterFund"));
        assertTrue(seen.path("replay").path("replayed").asBoolean(), seen.toString());
        assertEquals(seen.path("fund").path("paymentIntent"), seen.path("replay").path("paymentIntent"));
        assertMoney("75.00", seen.path("balanceAfterReplay"));
        assertTrue(seen.path("decline").path("isError").asBoolean());
        assertEquals("payment_declined", seen.path("decline").path("code").asText());
        assertEquals("generic_decline", seen.path("decline").path("declineCode").asText());
        assertEquals("active", seen.path("subscription").path("status").asText());
        assertEquals(List.of(seen.path("paused").path("id").asText()), texts(seen.path("listedSubscriptions")));
        assertEquals("paused", seen.path("paused").path("status").asText());
        assertTrue(texts(seen.path("tokens").path("names")).contains("typescript-agent"), seen.toString());
        assertFalse(seen.path("xAgentToken").path("isError").asBoolean(true));
        assertMoney("75.00", seen.path("xAgentToken").path("balance"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
