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
    private final Caller caller;
    private Integer status;
    private String redirect;

    RequestContext(Context http, String requestId, String operationId, Caller caller) {
        this.http = http;
        this.requestId = requestId;
        this.operationId = operationId;
        this.caller = caller;
    }

    /** The authenticated caller; only public operations (signup, login, ...) have none. */
    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException(operationId + " is public: it has no caller");
        }
        return caller;
    }

    /** The caller's account id (see {@link #caller()}). */
    public long accountId() {
        return caller().accountId();
    }

    /**
     * The scheme, host and port this request reached the emulator on, e.g. {@code http://127.0.0.1:8080}:
     * the root for URLs handed back to the client (Checkout pages, invoice PDFs, 3D Secure steps).
     */
    public String publicRoot() {
        return publicRoot(http);
    }

    /** {@link #publicRoot()} of any request the emulator serves (pages, the fake Stripe). */
    public static String publicRoot(Context http) {
        String host = http.host();
        return http.scheme() + "://" + (host == null || host.isBlank() ? "127.0.0.1" : host);
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

    /**
     * Answers 302 to {@code location}, with no body, instead of the envelope: for an operation whose
     * contract declares the redirect (the verification link's browser mode).
     */
    public void redirect(String location) {
        this.redirect = location;
    }

    String redirection() {
        return redirect;
    }
}
