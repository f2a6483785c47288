package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Answers what the HTTP server refuses before any route runs — a path that is not valid UTF-8 or
 * percent-encoding, a URI or headers too long, a malformed request line or header — in the API's
 * envelope instead of Jetty's HTML page, with the same {@code X-Request-Id} a routed answer has.
 */
public final class ProtocolErrors extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String requestId = UUID.randomUUID().toString();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Request-Id", requestId);
        response.write(true, ByteBuffer.wrap(envelope(code, message, requestId)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        fields.put("X-Request-Id", requestId);
        return ByteBuffer.wrap(envelope(status, reason, requestId));
    }

    /** The error code of a refusal by the HTTP layer itself. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "route_not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "request_headers_too_large";
            default -> status >= 500 ? "internal_error" : "request_failed";
        };
    }

    private static byte[] envelope(int status, String reason, String requestId) {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.putNull("data");
        ObjectNode error = envelope.putObject("error");
        error.put("code", codeFor(status));
        error.put("message", status >= 500 || reason == null || reason.isBlank()
                ? "The request could not be read (HTTP " + status + ")." : reason + ".");
        error.putObject("details");
        envelope.putObject("meta").put("request_id", requestId);
        try {
            return Json.MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the envelope", e);
        }
    }
}
