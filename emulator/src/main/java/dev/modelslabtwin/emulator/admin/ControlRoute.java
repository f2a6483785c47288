package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.routing.BoundRequest;

/**
 * One operation of the control document bound to the method that answers it. Instances come only from
 * the generated {@code *Api.routes(...)} methods of this package, never from hand-written code.
 *
 * @param method      HTTP method as the document names it, e.g. {@code POST}
 * @param path        path below the control API's root, in the document's template form
 * @param operationId the document's operationId
 * @param invocation  calls the implementation with the request's typed values
 */
public record ControlRoute(String method, String path, String operationId, Invocation invocation) {

    /** Calls one implementation method; generated per operation. Returns what goes in {@code data}. */
    @FunctionalInterface
    public interface Invocation {
        Object invoke(BoundRequest request) throws Exception;
    }
}
