package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.Map;
import java.util.UUID;

/** Writes the API's {data, error, meta} envelope, with the request id also as the X-Request-Id header. */
public final class Envelopes {

    private Envelopes() {
    }

    /** This request's id, made on first use: quoted in {@code meta.request_id} and {@code X-Request-Id}. */
    public static String requestId(Context http) {
        String existing = http.attribute("request_id");
        if (existing == null) {
            existing = UUID.randomUUID().toString();
            http.attribute("request_id", existing);
        }
        return existing;
    }

    /**
     * A success: {@code produced} is the operation's response model as JSON; its {@code data} and any
     * top-level fields the contract mirrors (stripe-config, payment-link, invoice pdf) are kept.
     */
    public static void writeSuccess(Context http, String requestId, int status, JsonNode produced, boolean replayed) {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        if (produced.has("data")) {
            envelope.set("data", produced.get("data"));
        }
        produced.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("data") && !field.getKey().equals("error") && !field.getKey().equals("meta")) {
                envelope.set(field.getKey(), field.getValue());
            }
        });
        envelope.putNull("error");
        ObjectNode meta = envelope.putObject("meta");
        meta.put("request_id", requestId);
        if (replayed) {
            meta.put("idempotency_replay", true);
        }
        write(http, status, envelope);
    }

    public static void writeError(Context http, String requestId, int status, String code, String message, Map<String, ?> details) {
        write(http, status, error(requestId, code, message, details));
    }

    /** The error envelope: {@code data} null, the error's code, message and details, the request id. */
    public static ObjectNode error(String requestId, String code, String message, Map<String, ?> details) {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.putNull("data");
        ObjectNode error = envelope.putObject("error");
        error.put("code", code);
        error.put("message", message == null || message.isBlank() ? code : message);
        error.set("details", Json.MAPPER.valueToTree(details == null ? Map.of() : details));
        envelope.putObject("meta").put("request_id", requestId);
        return envelope;
    }

    private static void write(Context http, int status, ObjectNode envelope) {
        ApiExchange.of(http).response(envelope);
        http.status(status);
        http.header("X-Request-Id", envelope.path("meta").path("request_id").asText());
        http.contentType("application/json");
        try {
            http.result(Json.MAPPER.writeValueAsBytes(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the envelope", e);
        }
    }
}
