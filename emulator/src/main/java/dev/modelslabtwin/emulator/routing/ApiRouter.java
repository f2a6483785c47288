package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Serves the generated routes under the contract's base path: every request is checked
 * against the contract, bound to typed values, handed to its implementation, and answered in the
 * envelope — failures included, so a client never sees a stack trace or an HTML page.
 */
public final class ApiRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final ContractValidator validator = new ContractValidator();
    private final List<ApiRoute> routes;
    private final RateLimiter rateLimiter;

    public ApiRouter(List<ApiRoute> routes, RateLimiter rateLimiter) {
        this.routes = List.copyOf(routes);
        this.rateLimiter = rateLimiter;
    }

    public List<ApiRoute> routes() {
        return routes;
    }

    /** Registers every route and the envelope-shaped error handling on a Javalin configuration. */
    public void install(JavalinConfig config) {
        for (ApiRoute route : routes) {
            config.routes.addHttpHandler(HandlerType.findOrCreate(route.method()),
                    ContractValidator.BASE_PATH + route.path(), http -> handle(route, http));
        }
        config.routes.exception(HttpResponseException.class, (e, http) ->
                Envelopes.writeError(http, requestId(http), e.getStatus(), codeFor(e.getStatus()), e.getMessage(), Map.of()));
        config.routes.exception(Exception.class, (e, http) -> {
            LOG.error("unexpected failure on {} {}", http.method(), http.path(), e);
            Envelopes.writeError(http, requestId(http), 500, "internal_error",
                    "Something went wrong on our side. Retry later.", Map.of());
        });
    }

    private void handle(ApiRoute route, Context http) {
        String requestId = requestId(http);
        ContractOperations.Facts facts = ContractOperations.of(route.operationId());
        try {
            RequestBody body = RequestBody.of(http);
            throttle(facts, http, body);
            validator.check(http, body.text());
            body.requireJson();
            RequestContext context = new RequestContext(http, requestId, route.operationId());
            Object result = route.invocation().invoke(context, new BoundRequest(http, body.json()));
            int status = context.status() != null ? context.status() : facts.successStatus();
            Envelopes.writeSuccess(http, requestId, status, result);
        } catch (ApiProblem problem) {
            problem.headers().forEach(http::header);
            Envelopes.writeError(http, requestId, problem.status(), problem.code(), problem.getMessage(), problem.details());
        }
    }

    /** Counts the request against its operation's limiter and sends the window's headers on every answer. */
    private void throttle(ContractOperations.Facts facts, Context http, RequestBody body) {
        RateLimiter.Decision decision = rateLimiter.acquire(facts.limiter(), ThrottleKey.of(facts, http, body.json()));
        http.header("X-RateLimit-Limit", Integer.toString(decision.limit()));
        http.header("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        http.header("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
        if (!decision.allowed()) {
            throw new ApiProblem(429, "rate_limited",
                    "Too many requests. Retry in " + decision.retryAfterSeconds() + "s.",
                    Map.of("retry_after", decision.retryAfterSeconds()),
                    Map.of("Retry-After", Long.toString(decision.retryAfterSeconds())));
        }
    }

    private static String requestId(Context http) {
        String existing = http.attribute("request_id");
        if (existing == null) {
            existing = UUID.randomUUID().toString();
            http.attribute("request_id", existing);
        }
        return existing;
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 404 -> "route_not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 400 -> "validation_error";
            default -> status >= 500 ? "internal_error" : "request_failed";
        };
    }

    /** Writes the {data, error, meta} envelope. */
    static final class Envelopes {

        private Envelopes() {
        }

        static void writeSuccess(Context http, String requestId, int status, Object result) {
            ObjectNode envelope = Json.MAPPER.createObjectNode();
            JsonNode produced = Json.MAPPER.valueToTree(result);
            if (produced.has("data")) {
                envelope.set("data", produced.get("data"));
            }
            // Fields the contract mirrors at the top level (stripe-config, payment-link, invoice pdf).
            produced.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("data") && !field.getKey().equals("error") && !field.getKey().equals("meta")) {
                    envelope.set(field.getKey(), field.getValue());
                }
            });
            envelope.putNull("error");
            ObjectNode meta = envelope.putObject("meta");
            meta.put("request_id", requestId);
            JsonNode replay = produced.path("meta").path("idempotency_replay");
            if (replay.isBoolean()) {
                meta.set("idempotency_replay", replay);
            }
            write(http, status, envelope);
        }

        static void writeError(Context http, String requestId, int status, String code, String message, Map<String, ?> details) {
            ObjectNode envelope = Json.MAPPER.createObjectNode();
            envelope.putNull("data");
            ObjectNode error = envelope.putObject("error");
            error.put("code", code);
            error.put("message", message == null || message.isBlank() ? code : message);
            error.set("details", Json.MAPPER.valueToTree(details == null ? Map.of() : details));
            envelope.putObject("meta").put("request_id", requestId);
            write(http, status, envelope);
        }

        private static void write(Context http, int status, ObjectNode envelope) {
            http.status(status);
            http.header("X-Request-Id", envelope.path("meta").path("request_id").asText());
            http.contentType("application/json");
            try {
                http.result(Json.MAPPER.writeValueAsBytes(envelope));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write the envelope", e);
            }
        }
    }
}
