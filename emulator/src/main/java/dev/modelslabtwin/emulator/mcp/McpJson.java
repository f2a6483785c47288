package dev.modelslabtwin.emulator.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The JSON mapper the MCP SDK reads and writes with: numbers with a fraction read as {@code BigDecimal},
 * so an amount reaches the API as the agent sent it; and an {@link McpError} the Streamable HTTP servlet
 * answers a bad request with written as the JSON-RPC error response it stands for. (The SDK 2.2.0
 * servlet hands the exception itself to the mapper, which would send the client its stack trace.)
 */
final class McpJson {

    static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addModule(new SimpleModule("mcp-errors").addSerializer(McpError.class, new ErrorResponse()))
            .build());

    private McpJson() {
    }

    /** An error as JSON-RPC answers one whose request it could not read: {@code id} null, code and message. */
    private static final class ErrorResponse extends StdSerializer<McpError> {

        ErrorResponse() {
            super(McpError.class);
        }

        @Override
        public void serialize(McpError error, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            json.writeStringProperty("jsonrpc", "2.0");
            json.writeNullProperty("id");
            json.writeName("error");
            json.writeStartObject();
            json.writeNumberProperty("code", error.getJsonRpcError().code());
            json.writeStringProperty("message", error.getJsonRpcError().message());
            json.writeEndObject();
            json.writeEndObject();
        }
    }
}
