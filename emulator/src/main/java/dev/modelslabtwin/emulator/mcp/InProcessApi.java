package dev.modelslabtwin.emulator.mcp;

import dev.modelslabtwin.emulator.journal.EntryPoint;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends API requests through the emulator's own HTTP server without a socket: a Jetty
 * {@link LocalConnector} on the same server feeds raw HTTP to the same handlers a REST client reaches —
 * routing, rate limits, faults, authentication, scopes, validation, idempotency, the ledger, the request
 * log and the journal — so an MCP tool call and the REST call it stands for cannot be answered
 * differently.
 *
 * <p>This connector alone trusts two things a request says about itself, which no client of the public
 * port can therefore claim: {@code X-Forwarded-For} and {@code X-Forwarded-Proto} (the MCP client's own
 * address and scheme, so the rate limiter counts the call against the agent that made it), and
 * {@value #CALL_HEADER}, which marks the request as an MCP call in the journal and the request log.
 */
final class InProcessApi {

    /** Names the MCP tool and action ({@code agent-wallet fund}) that made the request. */
    static final String CALL_HEADER = "X-Emulator-Mcp-Call";
    /** Long enough for an injected latency fault; a request never takes this long otherwise. */
    private static final long TIMEOUT_SECONDS = 600;

    /** The REST answer: its status (0 when the connection was dropped), headers and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        boolean dropped() {
            return status == 0;
        }
    }

    private volatile LocalConnector connector;

    /** Adds the in-process connector to {@code server}, which must have started. */
    void attach(Server server) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.addCustomizer(new ForwardedRequestCustomizer());
        http.addCustomizer(InProcessApi::markMcpCall);
        LocalConnector local = new LocalConnector(server, new HttpConnectionFactory(http));
        local.setName("mcp-in-process");
        server.addConnector(local);
        try {
            if (!local.isStarted()) {
                local.start();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process connector", e);
        }
        connector = local;
    }

    private static Request markMcpCall(Request request, HttpFields.Mutable responseHeaders) {
        String call = request.getHeaders().get(CALL_HEADER);
        if (call != null) {
            int space = call.indexOf(' ');
            request.setAttribute(EntryPoint.ATTRIBUTE, space < 0 ? new EntryPoint(call, "")
                    : new EntryPoint(call.substring(0, space), call.substring(space + 1)));
        }
        return request;
    }

    /** Sends {@code request} on behalf of {@code caller}, marked as the tool call {@code tool action}. */
    Answer send(ToolCall.RestRequest request, McpCaller caller, String tool, String action) {
        LocalConnector local = connector;
        if (local == null) {
            throw new IllegalStateException("the in-process connector is not attached: the server has not started");
        }
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder raw = new StringBuilder(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        header(raw, "Host", caller.host() == null || caller.host().isBlank() ? "127.0.0.1" : caller.host());
        header(raw, "Connection", "close");
        header(raw, "X-Forwarded-For", caller.address().contains(":") ? "[" + caller.address() + "]" : caller.address());
        header(raw, "X-Forwarded-Proto", caller.scheme());
        header(raw, CALL_HEADER, tool + " " + action);
        header(raw, "Accept", "application/json");
        if (caller.authorization() != null) {
            header(raw, "Authorization", caller.authorization());
        }
        if (caller.userAgent() != null) {
            header(raw, "User-Agent", caller.userAgent());
        }
        request.headers().forEach((name, value) -> header(raw, name, value));
        if (request.body() != null) {
            header(raw, "Content-Type", "application/json");
            header(raw, "Content-Length", Integer.toString(body.length));
        }
        raw.append("\r\n");
        byte[] head = raw.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer bytes = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
        ByteBuffer response;
        try {
            response = local.getResponse(bytes, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the in-process request failed", e);
        }
        HttpTester.Response parsed = response == null || !response.hasRemaining() ? null : HttpTester.parseResponse(response);
        if (parsed == null) {
            return new Answer(0, Map.of(), "");
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        parsed.forEach(field -> headers.putIfAbsent(field.getLowerCaseName(), field.getValue()));
        byte[] content = parsed.getContentBytes();
        return new Answer(parsed.getStatus(), headers, content == null ? "" : new String(content, StandardCharsets.UTF_8));
    }

    /** A header line; the values come from the MCP request's own headers or were checked (see {@link ToolCall}). */
    private static void header(StringBuilder raw, String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\r' || value.charAt(i) == '\n') {
                throw new IllegalArgumentException("a header value with a line break: " + name);
            }
        }
        raw.append(name).append(": ").append(value).append("\r\n");
    }
}
