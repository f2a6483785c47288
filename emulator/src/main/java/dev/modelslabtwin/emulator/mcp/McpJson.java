package dev.modelslabtwin.emulator.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON mapper the MCP SDK reads and writes with: numbers with a fraction read as {@code BigDecimal},
 * so an amount reaches the API as the agent sent it; and an {@link McpError} the Streamable HTTP servlet
 * answers a bad request with written as the JSON-RPC error response it stands for. (The SDK 2.2.0
 * servlet hands the exception itself to the mapper, which would send the client its stack trace.)
 */
final class McpJson implements McpJsonMapper {

    static final McpJson MAPPER = new McpJson();

    private final McpJsonMapper delegate = new JacksonMcpJsonMapper(JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build());

    private McpJson() {
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object from, Class<T> type) {
        return delegate.convertValue(from, type);
    }

    @Override
    public <T> T convertValue(Object from, TypeRef<T> type) {
        return delegate.convertValue(from, type);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return delegate.writeValueAsString(asMessage(value));
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return delegate.writeValueAsBytes(asMessage(value));
    }

    /** An error as JSON-RPC answers one whose request it could not read: {@code id} null, code and message. */
    private static Object asMessage(Object value) {
        if (!(value instanceof McpError error)) {
            return value;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", error.getJsonRpcError().code());
        details.put("message", error.getJsonRpcError().message());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", "2.0");
        response.put("id", null);
        response.put("error", details);
        return response;
    }
}
