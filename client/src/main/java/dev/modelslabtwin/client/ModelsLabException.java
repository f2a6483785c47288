package dev.modelslabtwin.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every failure the API reports, as one typed exception: the HTTP status and the envelope's
 * {@code error.code}, {@code message}, {@code details} and {@code meta.request_id}. Network failures
 * that exhausted the retry budget carry status 0 and code {@code network_error}.
 */
public class ModelsLabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Code of a failure where no HTTP answer arrived. */
    public static final String NETWORK_ERROR = "network_error";

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;
    private final String requestId;
    private final Duration retryAfter;

    public ModelsLabException(int status, String code, String message, Map<String, Object> details,
                              String requestId, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        // Not Map.copyOf: details may legitimately hold JSON nulls (e.g. "reason": null).
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The envelope's {@code error.code}, e.g. {@code payment_declined}. */
    public String code() {
        return code;
    }

    /** The envelope's {@code error.details}: a per-field bag for validation errors, specifics otherwise. */
    public Map<String, Object> details() {
        return details == null ? Map.of() : details; // null only after Java deserialization (transient)
    }

    /** A detail as text, e.g. {@code detail("decline_code")}. */
    public Optional<String> detail(String name) {
        Object value = details().get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** {@code details.decline_code} of a declined payment. */
    public Optional<String> declineCode() {
        return detail("decline_code");
    }

    /** The server's {@code meta.request_id}, when it sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** How long the server asked to wait ({@code Retry-After}), when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isValidationError() {
        return "validation_error".equals(code);
    }

    public boolean isPaymentDeclined() {
        return "payment_declined".equals(code);
    }

    /** True when no HTTP answer arrived (connection refused, reset, timed out) even after retrying. */
    public boolean isNetworkError() {
        return NETWORK_ERROR.equals(code);
    }

    @Override
    public String toString() {
        return "ModelsLabException{status=" + status + ", code=" + code + ", message=" + getMessage()
                + ", details=" + details() + ", requestId=" + requestId + "}";
    }
}
