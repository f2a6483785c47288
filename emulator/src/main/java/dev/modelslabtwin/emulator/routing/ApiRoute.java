package dev.modelslabtwin.emulator.routing;

/**
 * One operation of the contract bound to the method that implements it. Instances come only from
 * the generated {@code *Api.routes(...)} methods, never from hand-written code.
 *
 * @param method      HTTP method as the contract names it, e.g. {@code POST}
 * @param path        path relative to the API base, in the contract's template form, e.g. {@code /payments/{id}/status}
 * @param operationId the contract's operationId
 * @param invocation  calls the implementation with the request's typed values
 */
public record ApiRoute(String method, String path, String operationId, Invocation invocation) {

    /** Calls one implementation method; generated per operation. */
    @FunctionalInterface
    public interface Invocation {
        Object invoke(RequestContext context, BoundRequest request);
    }
}
