package dev.modelslabtwin.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An answer of the API, already held to the contract by the filter; assertions read the envelope. An
 * expected error code, met or not, is reported to {@code recorder} for the provenance report.
 */
public record Answer(String request, int status, Map<String, String> headers, String body, Exchanges recorder) {

    public JsonNode json() {
        return Json.parse(body);
    }

    public JsonNode data() {
        return json().path("data");
    }

    public JsonNode error() {
        return json().path("error");
    }

    public String errorCode() {
        return error().path("code").asText(null);
    }

    public JsonNode details() {
        return error().path("details");
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** A text member of {@code data}, e.g. {@code text("session_id")}. */
    public String text(String field) {
        JsonNode value = data().path(field);
        if (!value.isValueNode()) {
            fail(request + ": data." + field + " is missing\n" + body);
        }
        return value.asText();
    }

    public BigDecimal money(String field) {
        JsonNode value = data().path(field);
        if (!value.isNumber()) {
            fail(request + ": data." + field + " is not a number\n" + body);
        }
        return value.decimalValue();
    }

    /** Fails unless the status is {@code expected}; returns this answer to read on. */
    public Answer expect(int expected) {
        if (status != expected) {
            fail(request + " answered " + status + ", expected " + expected + "\n" + body);
        }
        return this;
    }

    /** Fails unless this is the error {@code code} with HTTP {@code expectedStatus}, {@code data} null. */
    public Answer expectError(int expectedStatus, String code) {
        AssertionError failure = null;
        try {
            expect(expectedStatus);
            assertEquals(code, errorCode(), request + ": error code\n" + body);
            assertTrue(data().isNull() || data().isMissingNode(), request + ": data must be null on errors\n" + body);
            return this;
        } catch (AssertionError e) {
            failure = new AssertionError("expected " + expectedStatus + " " + code + ", " + request + " answered " + status
                    + (errorCode() == null ? " without error.code" : " " + errorCode()) + ": " + e.getMessage(), e);
            throw failure;
        } finally {
            recorder.observe(Observation.Subject.ERROR_CODE, code, failure);
        }
    }

    /** Fails unless this is a 422 whose {@code details} names {@code field}. */
    public Answer expectInvalid(String field) {
        expectError(422, "validation_error");
        assertTrue(details().has(field), request + ": details must name " + field + "\n" + body);
        return this;
    }
}
