package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure answered in Stripe's own shape, {@code {"error": {type, code, decline_code, message, param, ...}}},
 * with Stripe's status codes: 400 {@code invalid_request_error} (and {@code idempotency_error}), 401 for
 * a missing or wrong key or a call the key may not make, 402 {@code card_error}, 404 {@code resource_missing},
 * 409 for a request racing another with its idempotency key. A card error on a confirm carries the intent
 * it left behind ({@code payment_intent} / {@code setup_intent}), as Stripe's does.
 */
final class StripeError extends RuntimeException {

    /** Stripe's answer when a publishable key makes a call only a secret key may make. */
    static final String SECRET_KEY_REQUIRED = "This API call cannot be made with a publishable API key. Please use a "
            + "secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.";

    private final int status;
    private final String type;
    private final String code;
    private final String declineCode;
    private final String param;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();

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

    /** A call a publishable key may not make (Stripe answers 401; stripe-python raises AuthenticationError). */
    static StripeError secretKeyRequired() {
        return unauthenticated(SECRET_KEY_REQUIRED);
    }

    static StripeError idempotency(int status, String message) {
        return new StripeError(status, "idempotency_error", null, null, null, message);
    }

    static StripeError apiError() {
        return new StripeError(500, "api_error", null, null, null, "An unexpected error occurred in the fake Stripe.");
    }

    /** Stripe's documentation page for an error code. */
    static String docUrl(String code) {
        return "https://stripe.com/docs/error-codes/" + code.replace('_', '-');
    }

    /** Adds a field to the error: the object it is about ({@code payment_intent}, ...), {@code charge}, {@code advice_code}. */
    StripeError with(String field, JsonNode value) {
        fields.put(field, value);
        return this;
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        ObjectNode body = StripeObjects.JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        if (fields.containsKey("advice_code")) {
            error.set("advice_code", fields.get("advice_code"));
        }
        if (fields.containsKey("charge")) {
            error.set("charge", fields.get("charge"));
        }
        if (code != null) {
            error.put("code", code);
        }
        if (declineCode != null) {
            error.put("decline_code", declineCode);
        }
        if (code != null) {
            error.put("doc_url", docUrl(code));
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        fields.forEach((field, value) -> {
            if (!field.equals("advice_code") && !field.equals("charge")) {
                error.set(field, value);
            }
        });
        error.put("type", type);
        return body;
    }
}
