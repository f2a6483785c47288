package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/**
 * What the emulator learned while answering one request — its operation, its caller, the body it read,
 * the envelope it answered, the fault it injected — kept on the request for whoever looks back at it
 * once it is answered (the request journal and the request log). Costs one object per request.
 */
public final class ApiExchange {

    private static final String ATTRIBUTE = ApiExchange.class.getName();

    private String operationId;
    private Long accountId;
    private String requestText;
    private JsonNode requestJson;
    private JsonNode response;
    private String faultId;
    private boolean dropped;

    private ApiExchange() {
    }

    /** This request's exchange, made on first use. */
    public static ApiExchange of(Context http) {
        ApiExchange exchange = http.attribute(ATTRIBUTE);
        if (exchange == null) {
            exchange = new ApiExchange();
            http.attribute(ATTRIBUTE, exchange);
        }
        return exchange;
    }

    /** This request's exchange, or null when nothing recorded one (pages, static files). */
    public static ApiExchange find(Context http) {
        return http.attribute(ATTRIBUTE);
    }

    public String operationId() {
        return operationId;
    }

    /** The authenticated caller's account, or null (public operation, or refused before authentication). */
    public Long accountId() {
        return accountId;
    }

    /** The request body as received, or null when it was not read. */
    public String requestText() {
        return requestText;
    }

    /** The request body as parsed JSON, or null when it was empty, not read or not JSON. */
    public JsonNode requestJson() {
        return requestJson;
    }

    /** The envelope answered, or null (no answer was written, e.g. a dropped connection). */
    public JsonNode response() {
        return response;
    }

    /** The injected fault that hit this request, or null. */
    public String faultId() {
        return faultId;
    }

    /** Whether the connection was dropped instead of answered. */
    public boolean dropped() {
        return dropped;
    }

    void operation(String operationId) {
        this.operationId = operationId;
    }

    void caller(Caller caller) {
        this.accountId = caller == null ? null : caller.accountId();
    }

    void body(RequestBody body) {
        this.requestText = body.text();
        this.requestJson = body.json();
    }

    void response(JsonNode envelope) {
        this.response = envelope;
    }

    void fault(String faultId, boolean dropped) {
        this.faultId = faultId;
        this.dropped = dropped;
    }
}
