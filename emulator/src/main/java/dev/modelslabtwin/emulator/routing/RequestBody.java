package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/** A request's body, read and parsed once for every layer that needs it (throttling, validation, binding). */
record RequestBody(String text, JsonNode json, boolean malformed) {

    static final String NOT_JSON = "The request body is not valid JSON.";

    static RequestBody of(Context http) {
        String text = http.body();
        if (text.isBlank()) {
            return new RequestBody(text, null, false);
        }
        try {
            return new RequestBody(text, Json.MAPPER.readTree(text), false);
        } catch (JsonProcessingException notJson) {
            // Reported as a validation error once the request is counted and checked; not a failure here.
            return new RequestBody(text, null, true);
        }
    }

    /** Refuses a body that is not JSON, for operations whose contract did not already reject it. */
    void requireJson() {
        if (malformed) {
            throw ApiProblem.validation(Map.of("body", List.of(NOT_JSON)));
        }
    }
}
