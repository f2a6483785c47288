package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure answered in Stripe's own shape, {@code {"error": {type, code, decline_code, message, param}}},
 * with Stripe's status codes: 400 {@code invalid_request_error}, 401 for a missing or wrong key, 402
 * {@code card_error}, 404 {@code resource_missing}. A card error on a confirm carries the intent it
 * left behind ({@code payment_intent} / {@code setup_intent}), as Stripe's does.
 */
final class StripeError extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String declineCode;
    private final String param;
    private final Map<String, JsonNode> objects = new LinkedHashMap<>();

    private StripeError(int status, String type, String code, String declineCode, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.declineCode = declineCode;
        this.param = param;
    }

    static StripeError invalidRequest(int status, String code, String param, String message) {
        return new StripeError(status, "invalid_request_error", code, null, param, message);
    }

    static StripeError card(String code, String declineCode, String param, String message) {
        return new StripeError(402, "card_error", code, declineCode, param, message);
    }

    static StripeError notFound(String objectName, String param, String id) {
        return invalidRequest(404, "resource_missing", param, "No such " + objectName + ": '" + id + "'");
    }

    static StripeError unauthenticated(String message) {
        return new StripeError(401, "invalid_request_error", null, null, null, message);
    }

    static StripeError apiError() {
        return new StripeError(500, "api_error", null, null, null, "An unexpected error occurred in the fake Stripe.");
    }

    /** Adds the object the failure is about, e.g. {@code payment_intent} with its {@code last_payment_error}. */
    StripeError with(String field, JsonNode object) {
        objects.put(field, object);
        return this;
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        ObjectNode body = StripeObjects.JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        if (declineCode != null) {
            error.put("decline_code", declineCode);
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", type);
        objects.forEach(error::set);
        return body;
    }
}
