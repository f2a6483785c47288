package dev.modelslabtwin.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.client.invoker.ApiException;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads whatever a failed call left behind into one {@link ModelsLabException}. It is lenient on purpose:
 * besides the contract's envelope it accepts the legacy flat bodies ({@code {"message": ...}},
 * {@code {"error": "..."}}) and non-JSON pages a proxy may answer, so callers never have to catch a
 * second exception type.
 */
final class ErrorDecoder {

    static final String INVALID_RESPONSE = "invalid_response";
    static final String INTERRUPTED = "interrupted";

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final ObjectMapper mapper;
    private final Clock clock;

    ErrorDecoder(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The typed exception for a failure of the generated client. */
    ModelsLabException decode(String operation, ApiException failure) {
        if (failure.getCode() == 0) {
            return decodeTransportFailure(operation, failure);
        }
        if (failure.getResponseHeaders() == null) {
            // The generated request builder refused a missing required argument: a programming error.
            throw new IllegalArgumentException(failure.getMessage(), failure);
        }
        return decodeHttpFailure(failure.getCode(), failure.getResponseHeaders(), failure.getResponseBody(), failure);
    }

    /** The typed exception for an HTTP answer outside 2xx. */
    ModelsLabException decodeHttpFailure(int status, HttpHeaders headers, String body, Throwable cause) {
        Optional<JsonNode> root = parse(body);
        String code = null;
        String message = null;
        Map<String, Object> details = Map.of();
        String requestId = null;
        if (root.isPresent() && root.get().isObject()) {
            JsonNode json = root.get();
            JsonNode error = json.path("error");
            if (error.isObject()) {
                code = text(error.get("code"));
                message = text(error.get("message"));
                details = detailsOf(error.get("details"));
            } else if (error.isTextual()) {
                message = error.asText();
            }
            if (code == null) {
                code = text(json.get("code"));
            }
            if (message == null) {
                message = text(json.get("message"));
            }
            requestId = text(json.path("meta").get("request_id"));
            if (requestId == null) {
                requestId = text(json.get("request_id"));
            }
        }
        if (requestId == null) {
            requestId = headers.firstValue("X-Request-Id").orElse(null);
        }
        if (code == null) {
            code = "http_" + status;
        }
        if (message == null) {
            message = fallbackMessage(status, body);
        }
        return new ModelsLabException(status, code, message, details, requestId, retryAfter(headers), cause);
    }

    private ModelsLabException decodeTransportFailure(String operation, ApiException failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        if (cause instanceof InterruptedException) {
            return new ModelsLabException(0, INTERRUPTED, operation + " was interrupted", null, null, null, failure);
        }
        if (cause instanceof JsonProcessingException) {
            return new ModelsLabException(0, INVALID_RESPONSE,
                    operation + " answered a body that does not match the contract: " + cause.getMessage(),
                    null, null, null, failure);
        }
        String reason = cause instanceof IOException && cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : String.valueOf(cause.getMessage());
        return new ModelsLabException(0, ModelsLabException.NETWORK_ERROR,
                operation + " got no answer: " + reason, null, null, null, failure);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; absent or unreadable values give empty. */
    Duration retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.get())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readTree(body));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /** An object as a map; the {@code []} PHP encodes for an empty map (or any array) as no details. */
    private Map<String, Object> detailsOf(JsonNode details) {
        if (details == null || !details.isObject()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        details.properties().forEach(field -> map.put(field.getKey(), valueOf(field.getValue())));
        return map;
    }

    private Object valueOf(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            return mapper.convertValue(node, List.class);
        }
        return mapper.convertValue(node, Map.class);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static String fallbackMessage(int status, String body) {
        if (body == null || body.isBlank()) {
            return "HTTP " + status + " with an empty body";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return "HTTP " + status + ": " + (flat.length() > MAX_BODY_IN_MESSAGE
                ? flat.substring(0, MAX_BODY_IN_MESSAGE) + "..."
                : flat);
    }
}
