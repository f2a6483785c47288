package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.faults.Fault;
import dev.modelslabtwin.emulator.faults.Faults;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

import java.util.Map;

/**
 * Acts out the faults set through the control API, inside the router: after the request is counted
 * by its rate limiter (so the answer carries the same headers as any other) and before anything else
 * reads or changes state, so an injected failure leaves no trace but the journal entry.
 */
final class InjectedFaults {

    private final Faults faults;

    InjectedFaults(Faults faults) {
        this.faults = faults;
    }

    /**
     * Injects the fault that hits this request, if any: waits, throws the failure to answer, or drops
     * the connection. True when the connection was dropped (there is nothing left to answer).
     */
    boolean inject(ApiRoute route, Context http, ApiExchange exchange) {
        String base = ContractOperations.of(route.operationId()).basePath();
        Fault fault = faults.next(route.operationId(), route.method(), http.path().substring(base.length()));
        if (fault == null) {
            return false;
        }
        Fault.Spec spec = fault.spec();
        exchange.fault(fault.id(), spec.type() == Fault.Type.DROP_CONNECTION);
        pause(spec.latencyMs());
        switch (spec.type()) {
            case LATENCY -> {
                return false;
            }
            case ERROR -> throw error(spec);
            case RATE_LIMIT -> {
                long retryAfter = retryAfter(spec);
                throw ApiProblem.rateLimited(retryAfter, System.currentTimeMillis() / 1000 + retryAfter);
            }
            case DROP_CONNECTION -> {
                drop(http);
                return true;
            }
            default -> throw new IllegalStateException("a fault type without a case: " + spec.type());
        }
    }

    private static ApiProblem error(Fault.Spec spec) {
        int status = spec.status();
        String code = spec.code() != null ? spec.code() : defaultCode(status);
        String message = spec.message() != null ? spec.message() : "Injected fault: " + status + " " + code + ".";
        Map<String, String> headers = spec.retryAfterSeconds() == null ? Map.of()
                : Map.of("Retry-After", Long.toString(spec.retryAfterSeconds()));
        return new ApiProblem(status, code, message, spec.details() == null ? Map.of() : spec.details(), headers);
    }

    private static long retryAfter(Fault.Spec spec) {
        return spec.retryAfterSeconds() == null ? 1 : spec.retryAfterSeconds();
    }

    /** The code the live API would most likely give a bare status. */
    static String defaultCode(int status) {
        return switch (status) {
            case 400, 422 -> "validation_error";
            case 401 -> "unauthenticated";
            case 402 -> "payment_declined";
            case 403 -> "access_denied";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 429 -> "rate_limited";
            case 502 -> "bad_gateway";
            case 503 -> "service_unavailable";
            case 504 -> "gateway_timeout";
            default -> status >= 500 ? "internal_error" : "request_failed";
        };
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the connection under the request, as a crashed server or a proxy timing out would. */
    private static void drop(Context http) {
        ServletContextRequest.getServletContextRequest(http.req()).getServletChannel().getEndPoint().close();
    }
}
