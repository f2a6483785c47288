package dev.modelslabtwin.emulator.journal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API request and its answer, as received and sent. Kept raw, so recording costs the hot path
 * almost nothing; {@link #view()} is the masked form anyone gets to see.
 *
 * @param status       the HTTP status answered, or null when the connection was dropped
 * @param requestText  the body as received (cut to {@link RequestJournal#MAX_BODY_CHARS}), or null when unread
 * @param requestJson  the body as parsed JSON, or null (empty, not JSON, or too long to keep whole)
 * @param response     the envelope answered, or null
 * @param mcp          the MCP tool call that made the request in-process, or null for a request over REST
 */
public record JournalEntry(long id, Instant receivedAt, Instant emulatedAt, double durationMs, String method, String path,
                           String query, Integer status, String requestId, String operationId, Long accountId,
                           String faultId, Map<String, String> requestHeaders, String requestText, JsonNode requestJson,
                           Map<String, String> responseHeaders, JsonNode response, EntryPoint mcp) {

    /** The entry as the control API shows it: secrets and card data masked. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("received_at", receivedAt.toString());
        view.put("emulated_at", emulatedAt.toString());
        view.put("duration_ms", Math.round(durationMs * 10) / 10.0);
        view.put("method", method);
        view.put("path", Masking.url(path));
        view.put("query", Masking.url(query));
        view.put("status", status);
        view.put("dropped", status == null);
        view.put("request_id", requestId);
        view.put("operation_id", operationId);
        view.put("account_id", accountId);
        view.put("fault_id", faultId);
        view.put("via", mcp == null ? "rest" : "mcp");
        view.put("mcp_tool", mcp == null ? null : mcp.tool());
        view.put("mcp_action", mcp == null ? null : mcp.action());
        Map<String, Object> request = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        requestHeaders.forEach((name, value) -> headers.put(name,
                name.equals("authorization") ? Masking.authorization(value) : Masking.text(value)));
        request.put("headers", headers);
        request.put("body", requestJson != null ? Masking.json(requestJson) : Masking.text(requestText));
        view.put("request", request);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("headers", responseHeaders);
        answer.put("body", Masking.json(response));
        view.put("response", answer);
        return view;
    }
}
