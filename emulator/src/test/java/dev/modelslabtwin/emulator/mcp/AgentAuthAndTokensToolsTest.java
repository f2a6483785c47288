package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.ControlHttp;
import dev.modelslabtwin.emulator.control.EmulatorControl;
import dev.modelslabtwin.emulator.control.model.SeedAccount;
import dev.modelslabtwin.emulator.control.model.SeedDocument;
import dev.modelslabtwin.emulator.control.model.SeedToken;
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

    @Test
    void forgotThenResetPasswordWithTheMailedTokenThenLogIn(@EmulatorBaseUrl String baseUrl, EmulatorControl control) {
        try (AgentMcpClient anonymous = AgentMcpClient.connect(baseUrl, Map.of())) {
            anonymous.call("agent-auth", "forgot-password", "email", EMAIL).ok();
            String token = control.latestMail(EMAIL).orElseThrow().resetToken();

            anonymous.call("agent-auth", "reset-password", "email", EMAIL, "token", token, "password", "new-secret123",
                    "password_confirmation", "new-secret123").ok();

            anonymous.call("agent-auth", "login", "email", EMAIL, "password", "new-secret123").ok();
            AgentMcpClient.Reply used = anonymous.call("agent-auth", "reset-password", "email", EMAIL, "token", token,
                    "password", "third-secret1", "password_confirmation", "third-secret1").refused("validation_error");
            assertTrue(used.details().has("token"));
        }
    }

    @Test
    void resendVerificationMailsANewCodeAndRefusesAMissingEmail(@EmulatorBaseUrl String baseUrl, EmulatorControl control) {
        try (AgentMcpClient anonymous = AgentMcpClient.connect(baseUrl, Map.of())) {
            anonymous.call("agent-auth", "signup", "email", "resend-agent@example.com", "password", "secret123").ok();
            String first = control.latestMail("resend-agent@example.com").orElseThrow().verificationCode();

            anonymous.call("agent-auth", "resend-verification", "email", "resend-agent@example.com").ok();

            String second = control.latestMail("resend-agent@example.com").orElseThrow().verificationCode();
            assertFalse(first.equals(second));
            anonymous.call("agent-auth", "verify", "verification_code", second).ok();
            anonymous.call("agent-auth", "resend-verification").refused("validation_error");
        }
    }

    @Test
    void switchAccountGivesATokenForATeamAccountByItsUsername(@EmulatorBaseUrl String baseUrl, EmulatorControl control) {
        String member = control.seed(new SeedDocument().accounts(List.of(
                new SeedAccount().email("mcp-team@example.com").username("mcp-team"),
                new SeedAccount().email("mcp-member@example.com").teams(List.of("mcp-team")).token(new SeedToken().name("mcp")))))
                .accounts().get(1).tokens().get(0).token();
        try (AgentMcpClient agent = AgentMcpClient.withBearer(baseUrl, member)) {
            JsonNode switched = agent.call("agent-tokens", "switch-account", "account_username", "mcp-team",
                    "token_expiry", "1_week").ok();

            assertEquals("mcp-team@example.com", switched.path("user").path("email").asText());
            assertEquals(switched.path("access_token"), switched.path("token"));
            agent.call("agent-tokens", "switch-account", "account_username", "no-such-team").refused("not_found");
        }
    }

    private static String login(String baseUrl, List<String> scopes) {
        try (AgentMcpClient anonymous = AgentMcpClient.connect(baseUrl, Map.of())) {
            return anonymous.call("agent-auth", "login", "email", EMAIL, "password", "password", "scopes", scopes).ok()
                    .path("access_token").asText();
        }
    }
}
