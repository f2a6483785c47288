package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ControlHttp;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import dev.modelslabtwin.emulator.junit.EmulatorToken;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code agent-auth} and {@code agent-tokens}: every action, on the tokens the REST API issues and checks. */
@ModelsLabEmulator
class AgentAuthAndTokensToolsTest {

    private static final String EMAIL = "agent@example.com";

    @Test
    void signupThenVerifyGivesANewAccountItsFirstToken(@EmulatorBaseUrl String baseUrl) {
        try (AgentMcpClient anonymous = AgentMcpClient.connect(baseUrl, Map.of())) {
            JsonNode created = anonymous.call("agent-auth", "signup", "email", "new-agent@example.com", "password", "secret123",
                    "name", "New Agent").ok();
            assertFalse(created.path("user").path("verified").asBoolean(true));
            String code = new ControlHttp(baseUrl).get("/verification-code?email=new-agent@example.com").json()
                    .path("data").path("verification_code").asText();

            JsonNode verified = anonymous.call("agent-auth", "verify", "verification_code", code).ok();

            try (AgentMcpClient agent = AgentMcpClient.withBearer(baseUrl, verified.path("access_token").asText())) {
                agent.call("agent-wallet", "balance").ok();
            }
            AgentMcpClient.Reply taken = anonymous.call("agent-auth", "signup", "email", "new-agent@example.com",
                    "password", "secret123").refused("validation_error");
            assertTrue(taken.details().has("email"));
            anonymous.call("agent-auth", "verify", "verification_code", code).refused("validation_error");
        }
    }

    @Test
    void loginIssuesAScopedTokenAndRefusesWrongCredentials(@EmulatorBaseUrl String baseUrl) {
        try (AgentMcpClient anonymous = AgentMcpClient.connect(baseUrl, Map.of())) {
            JsonNode token = anonymous.call("agent-auth", "login", "email", EMAIL, "password", "password",
                    "device_name", "mcp-agent", "token_expiry", "1_week", "scopes", List.of("wallet:read")).ok();

            assertEquals("1_week", token.path("token_expiry").asText());
            assertEquals(List.of("wallet:read"), List.of(token.path("scopes").path(0).asText()));
            anonymous.call("agent-auth", "login", "email", EMAIL, "password", "wrong-password").refused("invalid_credentials");
            AgentMcpClient.Reply badExpiry = anonymous.call("agent-auth", "login", "email", EMAIL, "password", "password",
                    "token_expiry", "2_weeks").refused("validation_error");
            assertTrue(badExpiry.details().has("token_expiry"));
        }
    }

    @Test
    void logoutRevokesTheConnectionsOwnToken(@EmulatorBaseUrl String baseUrl) {
        String token = login(baseUrl, List.of("*"));
        try (AgentMcpClient agent = AgentMcpClient.withBearer(baseUrl, token)) {
            agent.call("agent-auth", "logout").ok();

            agent.call("agent-wallet", "balance").refused("unauthenticated");
            agent.call("agent-auth", "logout").refused("unauthenticated");
        }
    }

    @Test
    void logoutAllNeedsTheTokensWriteScopeAndRevokesEveryToken(@EmulatorBaseUrl String baseUrl, @EmulatorToken String seeded) {
        try (AgentMcpClient narrow = AgentMcpClient.withBearer(baseUrl, login(baseUrl, List.of("wallet:read")))) {
            AgentMcpClient.Reply refused = narrow.call("agent-auth", "logout-all").refused("insufficient_scope");
            assertEquals("tokens:write", refused.details().path("required_scope").asText());
        }
        try (AgentMcpClient agent = AgentMcpClient.withBearer(baseUrl, login(baseUrl, List.of("*")));
             AgentMcpClient other = AgentMcpClient.withBearer(baseUrl, seeded)) {
            assertTrue(agent.call("agent-auth", "logout-all").ok().path("revoked_count").asInt() >= 3);

            other.call("agent-wallet", "balance").refused("unauthenticated");
        }
    }

    @Test
    void tokensAreListedWithTheCallingOneMarked(@EmulatorBaseUrl String baseUrl, @EmulatorToken String seeded) {
        try (AgentMcpClient agent = AgentMcpClient.withBearer(baseUrl, seeded)) {
            JsonNode tokens = agent.call("agent-tokens", "list").ok();

            String seededId = seeded.substring(0, seeded.indexOf('|'));
            List<String> current = new java.util.ArrayList<>();
            tokens.forEach(token -> {
                if (token.path("current").asBoolean()) {
                    current.add(token.path("id").asText());
                }
            });
            assertEquals(List.of(seededId), current, tokens.toString());
        }
        try (AgentMcpClient narrow = AgentMcpClient.withBearer(baseUrl, login(baseUrl, List.of("wallet:read")))) {
            narrow.call("agent-tokens", "list").refused("insufficient_scope");
        }
    }

    @Test
    void oneTokenIsRevokedByItsIdAndAnUnknownIdIsNotFound(@EmulatorBaseUrl String baseUrl, @EmulatorToken String seeded) {
        String spare = login(baseUrl, List.of("*"));
        long spareId = Long.parseLong(spare.substring(0, spare.indexOf('|')));
        try (AgentMcpClient agent = AgentMcpClient.withBearer(baseUrl, seeded)) {
            agent.call("agent-tokens", "revoke", "token_id", spareId).ok();

            agent.call("agent-tokens", "revoke", "token_id", spareId).refused("not_found");
            AgentMcpClient.Reply missing = agent.call("agent-tokens", "revoke").refused("validation_error");
            assertEquals("The token id field is required.", missing.details().path("token_id").path(0).asText());
        }
        try (AgentMcpClient revoked = AgentMcpClient.withBearer(baseUrl, spare)) {
            revoked.call("agent-wallet", "balance").refused("unauthenticated");
        }
    }

    @Test
    void revokeOthersKeepsOnlyTheCallingToken(@EmulatorBaseUrl String baseUrl, @EmulatorToken String seeded) {
        String kept = login(baseUrl, List.of("*"));
        try (AgentMcpClient agent = AgentMcpClient.withBearer(baseUrl, kept);
             AgentMcpClient other = AgentMcpClient.withBearer(baseUrl, seeded)) {
            agent.call("agent-tokens", "revoke-others").ok();

            agent.call("agent-wallet", "balance").ok();
            other.call("agent-wallet", "balance").refused("unauthenticated");
        }
    }

    private static String login(String baseUrl, List<String> scopes) {
        try (AgentMcpClient anonymous = AgentMcpClient.connect(baseUrl, Map.of())) {
            return anonymous.call("agent-auth", "login", "email", EMAIL, "password", "password", "scopes", scopes).ok()
                    .path("access_token").asText();
        }
    }
}
