package dev.modelslabtwin.emulator.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A failure the API reports to its client in the error envelope: HTTP status, the contract's error
 * {@code code}, a human message and machine-readable details. Implementations throw it; the router
 * renders it.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, ?> details;
    private final Map<String, String> headers;

    public ApiProblem(int status, String code, String message, Map<String, ?> details) {
        this(status, code, message, details, Map.of());
    }

    public ApiProblem(int status, String code, String message, Map<String, ?> details, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
        this.headers = headers;
    }

    public static ApiProblem validation(Map<String, ? extends List<String>> fieldMessages) {
        return new ApiProblem(422, "validation_error", "The given data was invalid.", fieldMessages);
    }

    /**
     * 403 {@code insufficient_scope} as scopes.mdx documents it: the message, {@code required_scope} and
     * {@code granted_scopes} in the details, and the RFC 6750 challenge naming the scope.
     */
    public static ApiProblem insufficientScope(String scope, Set<String> granted) {
        return new ApiProblem(403, "insufficient_scope", "This token does not have the required scope: " + scope + ".",
                Map.of("required_scope", scope, "granted_scopes", new TreeSet<>(granted)),
                Map.of("WWW-Authenticate", "Bearer realm=\"modelslab\", error=\"insufficient_scope\", scope=\"" + scope + "\""));
    }

    /**
     * The live API's throttle answer: 429 {@code rate_limited}, with {@code Retry-After} and a window
     * that has nothing left until {@code resetEpochSeconds}.
     */
    public static ApiProblem rateLimited(long retryAfterSeconds, long resetEpochSeconds) {
        return new ApiProblem(429, "rate_limited", "Too many requests. Retry in " + retryAfterSeconds + "s.",
                Map.of("retry_after", retryAfterSeconds),
                Map.of("Retry-After", Long.toString(retryAfterSeconds), "X-RateLimit-Remaining", "0",
                        "X-RateLimit-Reset", Long.toString(resetEpochSeconds)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, ?> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
