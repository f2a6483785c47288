package dev.modelslabtwin.emulator.routing;

import io.javalin.http.Context;

/**
 * What an implementation may know about the request besides its typed values, and the one thing
 * it may decide about the response besides its body: the status, when the contract allows more
 * than one success status (e.g. 202 for a payment awaiting 3D Secure).
 */
public final class RequestContext {

    private final Context http;
    private final String requestId;
    private final String operationId;
    private Integer status;

    RequestContext(Context http, String requestId, String operationId) {
        this.http = http;
        this.requestId = requestId;
        this.operationId = operationId;
    }

    public String requestId() {
        return requestId;
    }

    public String operationId() {
        return operationId;
    }

    /** A request header, or null. */
    public String header(String name) {
        return http.header(name);
    }

    /** Answers with this success status instead of the contract's first one. */
    public void status(int successStatus) {
        this.status = successStatus;
    }

    Integer status() {
        return status;
    }
}
