package dev.modelslabtwin.conformance.negative;

import dev.modelslabtwin.conformance.support.ContractOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the contract says the target must refuse — what it breaks ({@code constraint}: a schema
 * keyword such as {@code maximum}, or {@code credentials}, {@code scope}, {@code body}, {@code card data})
 * — and how it must be refused: the HTTP status, the documented {@code error.code}, and the field
 * {@code details} must name. {@code rule} is where the broken field rule sits, as the parity page names
 * it ({@code body.amount}, {@code query limit}, {@code body} for its required list), null when the case
 * breaks no field rule.
 */
public record NegativeCase(
        ContractOperation operation,
        String constraint,
        String rule,
        String description,
        Credential credential,
        Request request,
        int expectedStatus,
        String expectedCode,
        String expectedField) {

    /** Which Authorization the case sends. */
    public enum Credential {
        /** A valid token of the account the case runs for, holding every scope. */
        VALID,
        /** No Authorization header. */
        NONE,
        /** A well-formed bearer token the target never issued. */
        UNKNOWN,
        /** An Authorization header of another scheme. */
        MALFORMED,
        /** A valid token lacking the operation's {@code x-required-scope}. */
        NARROW
    }

    /** What is sent: the filled path, query and header parameters, and the body ({@code null}: none). */
    public record Request(String path, Map<String, String> query, Map<String, String> headers, String body,
                          String contentType) {

        public Request withPath(String otherPath) {
            return new Request(otherPath, query, headers, body, contentType);
        }

        public Request withQuery(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(query);
            more.put(name, value);
            return new Request(path, more, headers, body, contentType);
        }

        public Request withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(path, query, more, body, contentType);
        }

        public Request withBody(String otherBody) {
            return new Request(path, query, headers, otherBody, contentType);
        }
    }

    /** {@code fundWallet: body.amount below minimum 10 (9.99) → 422 validation_error naming amount}. */
    public String name() {
        return description + " → " + expectedStatus + " " + expectedCode
                + (expectedField == null ? "" : " naming " + expectedField);
    }
}
