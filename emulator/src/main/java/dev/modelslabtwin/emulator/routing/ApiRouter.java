package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.faults.Faults;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Serves the generated routes under the contract's base path: every request is checked
 * against the contract, bound to typed values, handed to its implementation, and answered in the
 * envelope — failures included, so a client never sees a stack trace or an HTML page.
 */
public final class ApiRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final CompletableFuture<ContractValidator> validator = ContractValidator.forApi();
    private static final String REALM = "Bearer realm=\"modelslab\"";
    /** The header that marks an answer breaking the contract (see {@link #reportBrokenContract}). */
    public static final String CONTRACT_VIOLATION = "X-Emulator-Contract-Violation";

    private final List<ApiRoute> routes;
    private final UnroutedRequests unrouted;
    private final RateLimiter rateLimiter;
    private final Authenticator authenticator;
    private final IdempotentRequests idempotency;
    private final InjectedFaults faults;
    private final boolean responseValidation;
    /**
     * An account's requests that change something run one at a time (and so do its requests with an
     * {@code Idempotency-Key}, which {@link IdempotentRequests} relies on). They would anyway, on its
     * wallet's row; but a transaction that waited for that row finds it changed since its snapshot,
     * fails and runs again, so concurrent clients of one wallet spend their time retrying (figures in
     * bench/README.md). Waiting here, before the transaction starts, costs nothing.
     */
    private final CountedLocks<Long> accounts = new CountedLocks<>();
    /** Checking an answer was half the cost of a {@code GET /wallet/balance} (bench/README.md). */
    private final PassedChecks passedAnswers = new PassedChecks();

    /**
     * {@code idempotency} may be null: then every request acts, as if no key were sent. {@code faults}:
     * the faults the control API sets (consulted on every request). {@code responseValidation}: every
     * answer is checked against the contract before it leaves (see {@link #reportBrokenContract}).
     */
    public ApiRouter(List<ApiRoute> routes, RateLimiter rateLimiter, Authenticator authenticator,
                     IdempotentRequests idempotency, Faults faults, boolean responseValidation) {
        this.routes = List.copyOf(routes);
        this.unrouted = new UnroutedRequests(this.routes);
        this.rateLimiter = rateLimiter;
        this.authenticator = authenticator;
        this.idempotency = idempotency;
        this.faults = new InjectedFaults(faults);
        this.responseValidation = responseValidation;
    }

    public List<ApiRoute> routes() {
        return routes;
    }

    /**
     * Registers every route (under the API's base path, or under its path item's own server: the site
     * root for the verification link) and the envelope-shaped error handling on a Javalin configuration.
     */
    public void install(JavalinConfig config) {
        for (ApiRoute route : routes) {
            String path = ContractOperations.of(route.operationId()).basePath() + route.path();
            config.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), path, http -> handle(route, http));
            if (route.method().equals("GET")) {
                // As Laravel does: a HEAD is the GET without its body (authenticated, validated and counted
                // alike), not the empty 200 Javalin would answer for any GET route.
                config.routes.addHttpHandler(HandlerType.HEAD, path, http -> handle(route, http));
            }
        }
        config.routes.exception(HttpResponseException.class, (e, http) -> {
            if (e.getStatus() == 404 && unrouted.concerns(http.path())) {
                refuseUnrouted(http);
            } else {
                Envelopes.writeError(http, Envelopes.requestId(http), e.getStatus(), codeFor(e.getStatus()), e.getMessage(), Map.of());
            }
        });
        config.routes.exception(Exception.class, (e, http) -> {
            LOG.error("unexpected failure on {} {}", http.method(), http.path(), e);
            Envelopes.writeError(http, Envelopes.requestId(http), 500, "internal_error",
                    "Something went wrong on our side. Retry later.", Map.of());
        });
    }

    private void handle(ApiRoute route, Context http) {
        String requestId = Envelopes.requestId(http);
        ContractOperations.Facts facts = ContractOperations.of(route.operationId());
        ApiExchange exchange = ApiExchange.of(http);
        exchange.operation(route.operationId());
        try {
            RequestBody body = RequestBody.of(http);
            exchange.body(body);
            throttle(facts, http, body);
            body.requireWithinLimit();
            if (faults.inject(route, http, exchange)) {
                return;
            }
            Caller caller = facts.secured() ? authenticate(facts, http) : null;
            exchange.caller(caller);
            CardDataPolicy.check(http, body.json());
            QueryString.requireDecodable(http.queryString());
            validator.join().check(http, body.text());
            body.requireJson();
            RequestContext context = new RequestContext(http, requestId, route.operationId(), caller);
            String key = http.header("Idempotency-Key");
            Supplier<IdempotentRequests.Outcome> operation = idempotency != null && facts.idempotent() && caller != null
                    && key != null
                    ? () -> idempotency.run(caller.accountId(), key, route.operationId(), http.path(), body.json(),
                            () -> invoke(route, facts, context, http, body))
                    : () -> invoke(route, facts, context, http, body);
            IdempotentRequests.Outcome outcome = caller != null && (facts.idempotent() || !route.method().equals("GET"))
                    ? accounts.holding(caller.accountId(), operation)
                    : operation.get();
            if (outcome.replayed()) {
                http.header("Idempotent-Replayed", "true");
            }
            if (outcome.problem() != null) {
                throw outcome.problem();
            }
            if (context.redirection() != null) {
                http.status(302).header("Location", context.redirection()).header("X-Request-Id", requestId);
            } else {
                Envelopes.writeSuccess(http, requestId, outcome.status(), outcome.result(), outcome.replayed());
            }
        } catch (ApiProblem problem) {
            problem.headers().forEach(http::header);
            Envelopes.writeError(http, requestId, problem.status(), problem.code(), problem.getMessage(), problem.details());
        }
        if (responseValidation) {
            reportBrokenContract(http);
        }
    }

    /**
     * An answer that breaks the contract is the emulator's bug, and an agent tested against it would
     * learn the wrong wire format: it still goes out (the agent's test shows what it got), but marked
     * with {@code X-Emulator-Contract-Violation} naming the first break, and logged with all of them.
     */
    private void reportBrokenContract(Context http) {
        JsonNode envelope = ApiExchange.of(http).response();
        if (envelope == null) {
            return;
        }
        // Status and body only: the headers come from one place for every operation (throttle, Envelopes),
        // checking them is a large share of the check's cost, and the tests hold them to the contract.
        String body = envelope.toString();
        String key = PassedChecks.answerKey(ApiExchange.of(http).operationId(), http.statusCode(), body, Envelopes.requestId(http));
        if (passedAnswers.contains(key)) {
            return;
        }
        List<String> violations = validator.join().responseViolations(ContractValidator.methodOf(http), http.path(), http.statusCode(),
                Map.of("Content-Type", "application/json"), body, false);
        if (violations.isEmpty()) {
            passedAnswers.add(key);
        } else {
            String first = violations.get(0).replaceAll("[^\\x20-\\x7e]", "?");
            http.header(CONTRACT_VIOLATION, first.length() <= 300 ? first : first.substring(0, 300));
            // The operation, not the path: a path may hold what the caller sent (even a card number).
            LOG.error("the answer to {} ({}) breaks the contract: {}", ApiExchange.of(http).operationId(), http.statusCode(), violations);
        }
    }

    private static IdempotentRequests.Outcome invoke(ApiRoute route, ContractOperations.Facts facts, RequestContext context,
                                                     Context http, RequestBody body) {
        try {
            Object result = route.invocation().invoke(context, new BoundRequest(http, body.json()));
            int status = context.status() != null ? context.status() : facts.successStatus();
            return IdempotentRequests.Outcome.success(status, Json.MAPPER.valueToTree(result));
        } catch (ApiProblem problem) {
            return IdempotentRequests.Outcome.failure(problem);
        }
    }

    /** The caller named by the bearer token, holding the operation's scope; 401 or 403 otherwise. */
    private Caller authenticate(ContractOperations.Facts facts, Context http) {
        String authorization = http.header("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        Caller caller = token == null || token.isEmpty() ? null : authenticator.authenticate(token).orElse(null);
        if (caller == null) {
            throw new ApiProblem(401, "unauthenticated", "Unauthenticated.", Map.of(), Map.of("WWW-Authenticate", REALM));
        }
        String scope = facts.requiredScope();
        if (scope != null && !caller.grants(scope)) {
            throw ApiProblem.insufficientScope(scope, caller.scopes());
        }
        return caller;
    }

    /**
     * A request no operation answers, to a path of the API: 405 {@code method_not_allowed} with
     * {@code Allow} when the path is an operation's with another method, else 404 {@code route_not_found},
     * in Laravel's words (the live API's framework); counted, like any request, by the contract's
     * {@code x-unrouted-rate-limiter}, whose headers it carries, as all responses do.
     */
    private void refuseUnrouted(Context http) {
        String requestId = Envelopes.requestId(http);
        String route = http.path().replaceAll("^/+", "");
        try {
            throttle(ContractOperations.unroutedLimiter(), ThrottleKey.ofCaller(http), http);
            List<String> allowed = unrouted.methodsOf(http.path());
            if (allowed.isEmpty()) {
                throw new ApiProblem(404, "route_not_found", "The route " + route + " could not be found.", Map.of());
            }
            throw new ApiProblem(405, "method_not_allowed", "The " + http.method().name() + " method is not supported for route "
                    + route + ". Supported methods: " + String.join(", ", allowed) + ".", Map.of("allowed_methods", allowed),
                    Map.of("Allow", String.join(", ", allowed)));
        } catch (ApiProblem problem) {
            problem.headers().forEach(http::header);
            Envelopes.writeError(http, requestId, problem.status(), problem.code(), problem.getMessage(), problem.details());
        }
    }

    /** Counts the request against its operation's limiter and sends the window's headers on every answer. */
    private void throttle(ContractOperations.Facts facts, Context http, RequestBody body) {
        throttle(facts.limiter(), ThrottleKey.of(facts, http, body.json()), http);
    }

    private void throttle(String limiter, String key, Context http) {
        RateLimiter.Decision decision = rateLimiter.acquire(limiter, key);
        http.header("X-RateLimit-Limit", Integer.toString(decision.limit()));
        http.header("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        http.header("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
        if (!decision.allowed()) {
            throw ApiProblem.rateLimited(decision.retryAfterSeconds(), decision.resetEpochSeconds());
        }
    }

    private static String codeFor(int status) {
        return status == 400 ? "validation_error" : ProtocolErrors.codeFor(status);
    }
}
