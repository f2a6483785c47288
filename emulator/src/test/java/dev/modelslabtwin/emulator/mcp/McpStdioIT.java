package dev.modelslabtwin.emulator.mcp;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar modelslab-emulator.jar --mcp-stdio}, launched as a desktop agent launches a local MCP
 * server (the official Java SDK's stdio client starts the process): the stdio server
 * {@code agent-control-plane} answers on standard output with nothing else written there.
 */
class McpStdioIT {

    @Test
    void theStdioServerActsWithTheDefaultAccountsTokenUnlessTheEnvironmentNamesOne() {
        List<String> stderr = new CopyOnWriteArrayList<>();
        try (AgentMcpClient mcp = AgentMcpClient.over(launch(Map.of(), stderr))) {
            assertEquals("agent-control-plane", mcp.initialization().serverInfo().name());
            assertEquals("1.0.0", mcp.initialization().serverInfo().version());
            assertEquals(5, mcp.tools().size());

            assertMoney("75.00", mcp.call("agent-wallet", "fund", "amount", 25, "payment_method_id", "pm_card_visa").ok().path("balance"));
            mcp.call("agent-wallet", "fund", "amount", 25, "payment_method_id", "pm_card_visa_chargeDeclined").refused("payment_declined");
        }
        assertTrue(String.join("\n", stderr).contains("/mcp/agents"), "the banner, with the HTTP endpoint, went to standard error");
    }

    @Test
    void aTokenFromTheEnvironmentIsWhatTheCallsCarry() {
        try (AgentMcpClient mcp = AgentMcpClient.over(launch(Map.of("MODELSLAB_AGENT_TOKEN", "9|not_a_token_of_this_emulator_at_all"),
                new CopyOnWriteArrayList<>()))) {
            mcp.call("agent-wallet", "balance").refused("unauthenticated");
            mcp.call("agent-auth", "login", "email", "agent@example.com", "password", "password").ok();
        }
    }

    private static StdioClientTransport launch(Map<String, String> env, List<String> stderr) {
        String jar = System.getProperty("emulator.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "run through mvn verify, after package: " + jar);
        ServerParameters server = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar, "--mcp-stdio", "--request-log", "off")
                .env(env)
                .build();
        StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(stderr::add);
        return transport;
    }
}
