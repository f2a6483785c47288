package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broken request to {@code /mcp/agents} gets a 4xx with a JSON-RPC error — never a 500, never a stack
 * trace, never the exception the SDK raised.
 */
@ModelsLabEmulator
class MalformedMcpRequestsAreRefusedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPT = "application/json, text/event-stream";
    private static final String INITIALIZE = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
            + "{\"protocolVersion\": \"2025-11-25\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"raw\", \"version\": \"1\"}}}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBodyThatIsNoJsonRpcMessageIsInvalidRequest(@EmulatorBaseUrl String baseUrl) throws Exception {
        for (String body : new String[] {"not json", "[]", "{}", "{\"jsonrpc\": \"2.0\"}"}) {
            JsonNode error = refused(post(baseUrl, body, Map.of()), 400);
            assertEquals(-32600, error.path("error").path("code").asInt(), body);
        }
    }

    @Test
    void initializeWithoutParamsIsInvalidParams(@EmulatorBaseUrl String baseUrl) throws Exception {
        JsonNode error = refused(post(baseUrl, "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"initialize\"}", Map.of()), 400);

        assertEquals(-32602, error.path("error").path("code").asInt());
        assertEquals(7, error.path("id").asInt(), "the request's id, which could be read");
        refused(post(baseUrl, "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"initialize\", \"params\": 3}", Map.of()), 400);
    }

    @Test
    void aToolCallWithoutAToolNameOrWithArgumentsThatAreNoObjectIsInvalidParams(@EmulatorBaseUrl String baseUrl) throws Exception {
        String session = session(baseUrl);
        Map<String, String> inSession = Map.of("Mcp-Session-Id", session);

        for (String params : new String[] {"", ", \"params\": {}", ", \"params\": {\"name\": 5}",
                ", \"params\": {\"name\": \"agent-wallet\", \"arguments\": [\"balance\"]}"}) {
            String body = "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/call\"" + params + "}";
            assertEquals(-32602, refused(post(baseUrl, body, inSession), 400).path("error").path("code").asInt(), body);
        }
    }

    @Test
    void aCallOutsideASessionIsRefusedByTheTransport(@EmulatorBaseUrl String baseUrl) throws Exception {
        String list = "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}";

        refused(post(baseUrl, list, Map.of()), 400);
        refused(post(baseUrl, list, Map.of("Mcp-Session-Id", "no-such-session")), 404);
    }

    @Test
    void aClientThatAcceptsNeitherJsonNorAStreamIsRefused(@EmulatorBaseUrl String baseUrl) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + AgentControlPlane.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(),
                HttpResponse.BodyHandlers.ofString());

        refused(answer, 400);
    }

    @Test
    void anOversizedMessageIsRefusedBeforeItIsRead(@EmulatorBaseUrl String baseUrl) throws Exception {
        String huge = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\", \"params\": {\"pad\": \""
                + "x".repeat(McpRequestGuard.MAX_BODY_BYTES) + "\"}}";

        refused(post(baseUrl, huge, Map.of()), 413);
    }

    @Test
    void aBrowserPageOfAnotherSiteIsRefusedAsTheMcpSpecificationAsks(@EmulatorBaseUrl String baseUrl) throws Exception {
        HttpResponse<String> elsewhere = post(baseUrl, INITIALIZE, Map.of("Origin", "http://attacker.example"));

        assertEquals(403, elsewhere.statusCode(), elsewhere.body());
        assertFalse(elsewhere.body().contains("Exception"), elsewhere.body());
        assertEquals(200, post(baseUrl, INITIALIZE, Map.of("Origin", "http://localhost:6274")).statusCode(), "a page on this machine");
    }

    private String session(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> initialized = post(baseUrl, INITIALIZE, Map.of());
        assertEquals(200, initialized.statusCode(), initialized.body());
        return initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private HttpResponse<String> post(String baseUrl, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + AgentControlPlane.PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC error a refusal with {@code status} carries, after checking it gives nothing away. */
    private static JsonNode refused(HttpResponse<String> answer, int status) throws IOException {
        assertEquals(status, answer.statusCode(), answer.body());
        assertFalse(answer.body().contains("stackTrace") || answer.body().contains("Exception") || answer.body().contains("at io."),
                answer.body());
        JsonNode error = JSON.readTree(answer.body());
        assertEquals("2.0", error.path("jsonrpc").asText(), answer.body());
        assertTrue(error.path("error").path("code").isInt() && error.path("error").path("message").isTextual(), answer.body());
        return error;
    }
}
