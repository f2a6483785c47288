package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.Services;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Envelopes;
import dev.modelslabtwin.emulator.routing.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own control API under {@code /_emulator}: what the live API cannot do and tests
 * need (spend from a wallet, pass 3D Secure or pay a Checkout Session without a browser, move time).
 * Answers in the same envelope as the API. Served to loopback callers only: it moves money without
 * a bearer token.
 */
public final class ControlApi {

    public static final String PREFIX = "/_emulator";

    /** One control operation: reads the request, returns what goes in {@code data}. */
    @FunctionalInterface
    interface Operation {
        Object handle(Context http, JsonNode body) throws Exception;
    }

    private ControlApi() {
    }

    public static void install(JavalinConfig config, Services services) {
        ControlOperations operations = new ControlOperations(services);
        route(config, HandlerType.GET, "/test-cards", operations::testCards);
        route(config, HandlerType.GET, "/clock", operations::clock);
        route(config, HandlerType.POST, "/clock/advance", operations::advanceClock);
        route(config, HandlerType.POST, "/accounts/{id}/usage", operations::spend);
        route(config, HandlerType.GET, "/verification-code", operations::verificationCode);
        route(config, HandlerType.POST, "/payments/{id}/authenticate", operations::authenticate);
        route(config, HandlerType.POST, "/checkout/sessions/{id}/pay", operations::payCheckoutSession);
    }

    private static void route(JavalinConfig config, HandlerType method, String path, Operation operation) {
        config.routes.addHttpHandler(method, PREFIX + path, http -> {
            String requestId = Envelopes.requestId(http);
            try {
                requireLoopback(http);
                Object data = operation.handle(http, body(http));
                Envelopes.writeSuccess(http, requestId, 200, Json.MAPPER.createObjectNode().set("data",
                        Json.MAPPER.valueToTree(data)), false);
            } catch (ApiProblem problem) {
                Envelopes.writeError(http, requestId, problem.status(), problem.code(), problem.getMessage(), problem.details());
            }
        });
    }

    private static void requireLoopback(Context http) {
        try {
            if (!InetAddress.getByName(http.ip()).isLoopbackAddress()) {
                throw new ApiProblem(403, "access_denied", "The control API answers loopback callers only.", Map.of());
            }
        } catch (UnknownHostException e) {
            throw new ApiProblem(403, "access_denied", "The control API answers loopback callers only.", Map.of());
        }
    }

    private static JsonNode body(Context http) {
        String text = http.body();
        if (text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode body = Json.MAPPER.readTree(text);
            if (!body.isObject()) {
                throw invalid("body", "The body must be a JSON object.");
            }
            return body;
        } catch (IOException e) {
            throw invalid("body", "The request body is not valid JSON.");
        }
    }

    static ApiProblem invalid(String field, String message) {
        return ApiProblem.validation(Map.of(field, List.of(message)));
    }
}
