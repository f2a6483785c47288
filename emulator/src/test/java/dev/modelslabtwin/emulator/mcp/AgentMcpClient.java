package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent's MCP connection to the twin, through the official MCP Java SDK's sync client and its
 * Streamable HTTP transport, with the headers a coding agent's configuration would send.
 */
final class AgentMcpClient implements AutoCloseable {

    /** Amounts read as the API wrote them (50.00 stays 50.00). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    /** The SDK hands structured content over as plain Java values, 50.00 as the double 50.0: compare numbers by value. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    /** What a tool call answered: whether it is a tool error, and the REST envelope its text carries. */
    record Reply(boolean isError, JsonNode envelope, McpSchema.CallToolResult raw) {

        JsonNode data() {
            return envelope.path("data");
        }

        String code() {
            return envelope.path("error").path("code").asText(null);
        }

        JsonNode details() {
            return envelope.path("error").path("details");
        }

        /** The data of a successful call; fails the test with the answer otherwise. */
        JsonNode ok() {
            assertFalse(isError, () -> "expected success, got " + envelope);
            assertTrue(envelope.path("error").isNull(), () -> envelope.toString());
            return data();
        }

        /** The envelope of a refusal with {@code code}; fails the test otherwise. */
        Reply refused(String expectedCode) {
            assertTrue(isError, () -> "expected a tool error " + expectedCode + ", got " + envelope);
            assertEquals(expectedCode, code(), envelope::toString);
            assertTrue(envelope.path("data").isNull(), envelope::toString);
            return this;
        }
    }

    private final McpSyncClient client;

    private AgentMcpClient(McpSyncClient client) {
        this.client = client;
    }

    /** Connects to {@code baseUrl}'s {@code /mcp/agents} sending {@code headers} on every request, and initializes. */
    static AgentMcpClient connect(String baseUrl, Map<String, String> headers) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint(AgentControlPlane.PATH)
                .httpRequestCustomizer((request, method, uri, body, context) -> headers.forEach(request::header))
                .build();
        return over(transport);
    }

    /** Connects with {@code Authorization: Bearer token}. */
    static AgentMcpClient withBearer(String baseUrl, String token) {
        return connect(baseUrl, Map.of("Authorization", "Bearer " + token));
    }

    /** Connects over any transport (stdio, for one) and initializes. */
    static AgentMcpClient over(McpClientTransport transport) {
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("emulator-tests", "1.0.0"))
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return new AgentMcpClient(client);
    }

    McpSchema.InitializeResult initialization() {
        return client.getCurrentInitializationResult();
    }

    List<McpSchema.Tool> tools() {
        return client.listTools().tools();
    }

    /** Calls {@code tool} with {@code action} and alternating argument names and values. */
    Reply call(String tool, String action, Object... namesAndValues) {
        return call(tool, arguments(action, namesAndValues));
    }

    Reply call(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertEquals(1, result.content().size(), "one text content: the REST answer");
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        JsonNode envelope = parse(text);
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        assertTrue(envelope.equals(SAME_VALUE, structured), () -> "the structured content is the same envelope: " + structured);
        return new Reply(Boolean.TRUE.equals(result.isError()), envelope, result);
    }

    /** JSON read as this client reads the tools' answers: amounts keep their scale, for comparing with a REST answer. */
    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** Calls {@code tool} expecting the protocol's own error (not a tool error), which it returns. */
    McpError protocolError(String tool, Map<String, Object> arguments) {
        return assertThrows(McpError.class, () -> client.callTool(new McpSchema.CallToolRequest(tool, arguments)));
    }

    static Map<String, Object> arguments(String action, Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("action", action);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return arguments;
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
