package dev.modelslabtwin.emulator.mcp;

import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import dev.modelslabtwin.emulator.junit.EmulatorToken;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulator;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.modelslabtwin.emulator.MoneyAssertions.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connecting to {@code /mcp/agents} as a coding agent does: with either documented header, or none. */
@ModelsLabEmulator
class McpConnectionTest {

    @Test
    void initializeWithoutATokenIntroducesTheHostedServer(@EmulatorBaseUrl String baseUrl) {
        try (AgentMcpClient mcp = AgentMcpClient.connect(baseUrl, Map.of())) {
            McpSchema.InitializeResult init = mcp.initialization();

            assertEquals("modelslab-agent-control-plane", init.serverInfo().name());
            assertEquals("1.0.0", init.serverInfo().version());
            assertNotNull(init.capabilities().tools(), "the server offers tools");
        }
    }

    @Test
    void theFiveToolsInScopeAreListedWithTheHostedTitles(@EmulatorBaseUrl String baseUrl) {
        try (AgentMcpClient mcp = AgentMcpClient.connect(baseUrl, Map.of())) {
            List<McpSchema.Tool> tools = mcp.tools();

            assertEquals(List.of("agent-auth", "agent-tokens", "agent-billing", "agent-wallet", "agent-subscriptions"),
                    tools.stream().map(McpSchema.Tool::name).toList());
            assertEquals(List.of("Agent Authentication", "Agent Token Management", "Agent Billing Management",
                    "Agent Wallet Operations", "Agent Subscription Management"), tools.stream().map(McpSchema.Tool::title).toList());
            tools.forEach(tool -> assertEquals(List.of("action"), tool.inputSchema().get("required"), tool.name()));
        }
    }

    @Test
    void publicActionsWorkWithoutAToken(@EmulatorBaseUrl String baseUrl) {
        try (AgentMcpClient mcp = AgentMcpClient.connect(baseUrl, Map.of())) {
            var token = mcp.call("agent-auth", "login", "email", "agent@example.com", "password", "password").ok();

            assertEquals("Bearer", token.path("token_type").asText());
            assertTrue(token.path("access_token").asText().matches("\\d+\\|\\S+"), token.toString());
        }
    }

    @Test
    void withoutATokenEveryOtherActionIsRefusedAsTheApiRefusesIt(@EmulatorBaseUrl String baseUrl) {
        try (AgentMcpClient mcp = AgentMcpClient.connect(baseUrl, Map.of())) {
            AgentMcpClient.Reply balance = mcp.call("agent-wallet", "balance").refused("unauthenticated");

            assertEquals("Unauthenticated.", balance.envelope().path("error").path("message").asText());
        }
    }

    @Test
    void aBearerTokenInTheAuthorizationHeaderAuthenticatesEveryCall(@EmulatorBaseUrl String baseUrl,
                                                                    @EmulatorToken String token) {
        try (AgentMcpClient mcp = AgentMcpClient.withBearer(baseUrl, token)) {
            assertMoney("50.00", mcp.call("agent-wallet", "balance").ok().path("balance"));
        }
    }

    @Test
    void theXAgentTokenHeaderAuthenticatesToo(@EmulatorBaseUrl String baseUrl, @EmulatorToken String token) {
        try (AgentMcpClient mcp = AgentMcpClient.connect(baseUrl, Map.of("X-Agent-Token", token))) {
            assertEquals("USD", mcp.call("agent-wallet", "balance").ok().path("currency").asText());
        }
    }

    @Test
    void authorizationWinsWhenBothHeadersAreSent(@EmulatorBaseUrl String baseUrl, @EmulatorToken String token) {
        try (AgentMcpClient mcp = AgentMcpClient.connect(baseUrl,
                Map.of("Authorization", "Bearer " + token, "X-Agent-Token", "9|not_a_token_of_this_emulator_at_all"))) {
            mcp.call("agent-wallet", "balance").ok();
        }
        try (AgentMcpClient mcp = AgentMcpClient.connect(baseUrl,
                Map.of("Authorization", "Bearer 9|not_a_token_of_this_emulator_at_all", "X-Agent-Token", token))) {
            mcp.call("agent-wallet", "balance").refused("unauthenticated");
        }
    }

    @Test
    void anUnknownTokenIsRefusedByTheToolNotByTheConnection(@EmulatorBaseUrl String baseUrl) {
        try (AgentMcpClient mcp = AgentMcpClient.connect(baseUrl, Map.of("X-Agent-Token", "9|not_a_token_of_this_emulator_at_all"))) {
            mcp.call("agent-tokens", "list").refused("unauthenticated");
            mcp.call("agent-auth", "login", "email", "agent@example.com", "password", "password").ok();
        }
    }
}
