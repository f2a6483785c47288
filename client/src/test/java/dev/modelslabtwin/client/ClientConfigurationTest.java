package dev.modelslabtwin.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static dev.modelslabtwin.client.ScriptedServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientConfigurationTest {

    private ScriptedServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new ScriptedServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void baseUrlAndTokenComeFromTheEnvironmentWithTheApiPrefixAppended() {
        Map<String, String> env = Map.of(
                ModelsLabClient.BASE_URL_ENV, server.hostRoot(),
                ModelsLabClient.TOKEN_ENV, "env-token");
        ModelsLabClient client = ModelsLabClient.builder(env::get).build();
        server.reply(Reply.data("{\"balance\":1,\"currency\":\"USD\"}"));

        client.wallet().balance();

        assertEquals(server.hostRoot() + "/api/agents/v1", client.apiBaseUrl());
        ScriptedServer.Recorded request = server.onlyRequest();
        assertEquals("/api/agents/v1/wallet/balance", request.path());
        assertEquals("Bearer env-token", request.header("Authorization"));
    }

    @Test
    void explicitBuilderValuesWinOverTheEnvironment() {
        Map<String, String> env = Map.of(
                ModelsLabClient.BASE_URL_ENV, "http://env.invalid:1",
                ModelsLabClient.TOKEN_ENV, "env-token");
        ModelsLabClient client = ModelsLabClient.builder(env::get)
                .baseUrl(server.hostRoot())
                .token("explicit-token")
                .build();
        server.reply(Reply.data("{\"balance\":1,\"currency\":\"USD\"}"));

        client.wallet().balance();

        assertEquals(server.hostRoot() + "/api/agents/v1", client.apiBaseUrl());
        assertEquals("Bearer explicit-token", server.onlyRequest().header("Authorization"));
    }

    @Test
    void defaultBaseUrlIsTheLiveApiWhenNothingIsConfigured() {
        ModelsLabClient client = ModelsLabClient.builder(name -> null).build();

        assertEquals("https://modelslab.com/api/agents/v1", client.apiBaseUrl());
        assertFalse(client.hasToken());
    }

    @Test
    void trailingSlashIsTrimmedAndAnExistingApiPrefixIsNotAppendedTwice() {
        assertEquals("http://127.0.0.1:8080/api/agents/v1", ApiBaseUrl.fromHostRoot("http://127.0.0.1:8080/"));
        assertEquals("http://127.0.0.1:8080/api/agents/v1", ApiBaseUrl.fromHostRoot("http://127.0.0.1:8080/api/agents/v1/"));
        assertEquals("https://modelslab.com/api/agents/v1", ApiBaseUrl.fromHostRoot("https://modelslab.com/api/agents/v1"));
    }

    @Test
    void baseUrlThatIsNotAbsoluteHttpIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ApiBaseUrl.fromHostRoot("modelslab.com"));
        assertThrows(IllegalArgumentException.class, () -> ApiBaseUrl.fromHostRoot("ftp://modelslab.com"));
    }

    @Test
    void bearerAcceptAndUserAgentHeadersAreSent() {
        ModelsLabClient client = ModelsLabClient.builder(name -> null)
                .baseUrl(server.hostRoot())
                .token("secret-token")
                .userAgent("agent-under-test/1.0")
                .build();
        server.reply(Reply.data("{\"balance\":1,\"currency\":\"USD\"}"));

        client.wallet().balance();

        ScriptedServer.Recorded request = server.onlyRequest();
        assertEquals("Bearer secret-token", request.header("Authorization"));
        assertEquals("application/json", request.header("Accept"));
        assertEquals("agent-under-test/1.0", request.header("User-Agent"));
    }

    @Test
    void clientWithoutTokenSendsNoAuthorizationHeader() {
        ModelsLabClient client = ModelsLabClient.builder(name -> null).baseUrl(server.hostRoot()).build();
        server.reply(Reply.data("[]"));

        client.auth().scopes();

        assertNull(server.onlyRequest().header("Authorization"));
    }

    @Test
    void explicitNullTokenOverridesTheEnvironmentToken() {
        ModelsLabClient client = ModelsLabClient.builder(Map.of(ModelsLabClient.TOKEN_ENV, "env-token")::get)
                .baseUrl(server.hostRoot())
                .token(null)
                .build();

        assertFalse(client.hasToken());
    }

    @Test
    void withTokenSwitchesTheBearerAndKeepsTheBaseUrl() {
        ModelsLabClient anonymous = ModelsLabClient.builder(name -> null).baseUrl(server.hostRoot()).build();
        server.reply(Reply.data("{\"balance\":1,\"currency\":\"USD\"}"));

        ModelsLabClient loggedIn = anonymous.withToken("fresh-token");
        loggedIn.wallet().balance();

        assertTrue(loggedIn.hasToken());
        assertFalse(anonymous.hasToken());
        assertEquals(anonymous.apiBaseUrl(), loggedIn.apiBaseUrl());
        assertEquals("Bearer fresh-token", server.onlyRequest().header("Authorization"));
    }

    @Test
    void toStringNeverRevealsTheToken() {
        ModelsLabClient client = ModelsLabClient.builder(name -> null).token("very-secret").build();

        assertFalse(client.toString().contains("very-secret"));
    }
}
