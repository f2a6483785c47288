package dev.modelslabtwin.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.core.Lazily;
import dev.modelslabtwin.emulator.routing.Json;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * In front of the SDK's Streamable HTTP servlet: refuses, with the protocol's invalid-params error and
 * HTTP 400, the JSON-RPC requests whose {@code params} the SDK 2.2.0 would fail on with a 500 (an
 * {@code initialize} or {@code tools/call} without them), and bodies larger than any agent's message.
 * Everything else goes to the SDK as it came.
 */
final class McpRequestGuard extends HttpServlet {

    /** Far more than any tool call needs (the SDK itself allows 16 MiB). */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Lazily<HttpServlet> sdk;

    /** {@code sdk} makes the SDK's servlet, asked at the first request (and initialised with this servlet's config). */
    McpRequestGuard(Supplier<? extends HttpServlet> sdk) {
        this.sdk = Lazily.of(() -> {
            HttpServlet made = sdk.get();
            try {
                made.init(getServletConfig());
            } catch (ServletException e) {
                throw new IllegalStateException("the MCP SDK's servlet did not start", e);
            }
            return made;
        });
    }

    @Override
    public void destroy() {
        sdk.ifMade(HttpServlet::destroy);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        HttpServlet sdk = this.sdk.get();
        if (!"POST".equals(request.getMethod())) {
            sdk.service((ServletRequest) request, (ServletResponse) response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, 413, null, -32600, "The message is larger than " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        JsonNode message = parse(body);
        String problem = message == null ? null : problem(message);
        if (problem != null) {
            refuse(response, 400, message.get("id"), io.modelcontextprotocol.spec.McpSchema.ErrorCodes.INVALID_PARAMS, problem);
            return;
        }
        sdk.service((ServletRequest) new ReplayedBody(request, body), (ServletResponse) response);
    }

    /** What is wrong with a request's params, or null (the SDK judges the rest, a body that is not JSON included). */
    private static String problem(JsonNode message) {
        if (!message.isObject() || !message.path("method").isTextual() || !message.has("id")) {
            return null;
        }
        String method = message.get("method").asText();
        JsonNode params = message.get("params");
        boolean object = params != null && params.isObject();
        if (params != null && !params.isNull() && !object) {
            return method + ": params must be an object.";
        }
        if (method.equals("initialize") && !object) {
            return "initialize needs params: protocolVersion, capabilities and clientInfo.";
        }
        if (method.equals("tools/call")) {
            if (!object || !params.path("name").isTextual()) {
                return "tools/call needs params with the tool's name.";
            }
            JsonNode arguments = params.get("arguments");
            if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
                return "tools/call: arguments must be an object.";
            }
        }
        return null;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static void refuse(HttpServletResponse response, int status, JsonNode id, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", "2.0");
        answer.put("id", id == null || !(id.isTextual() || id.isNumber()) ? null : id);
        answer.put("error", error);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(answer));
    }

    /** The request with its body, already read here, readable again by the SDK. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
