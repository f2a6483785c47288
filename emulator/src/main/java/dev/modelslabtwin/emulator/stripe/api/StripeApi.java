package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.StripeIds;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fake Stripe's HTTP API, under Stripe's own paths ({@code /v1/...}) on the emulator's port, so
 * that pointing a Stripe base URL (or a Stripe SDK's API base) at the emulator is all it takes. Agents
 * hold the publishable key only, given as HTTP Basic user name, as a Bearer token, or as Stripe.js's
 * {@code key} parameter, and it may make only the calls Stripe lets a publishable key make (see
 * {@link Rule}). The same operations answer with the secret key's rights under
 * {@code /_emulator/stripe/v1/...}, behind the control API's access rule, for tests and tools. Every
 * answer, failures included, is Stripe's JSON with a {@code Request-Id} and the {@code Stripe-Version}
 * it was rendered for; every {@code POST} honours {@code Idempotency-Key}.
 */
public final class StripeApi {

    /** Where the secret key's view is served. */
    public static final String SECRET_VIEW = "/_emulator/stripe";
    /** The API version the fake Stripe account is pinned to: the shape of the objects it renders. */
    public static final String API_VERSION = "2026-07-29.dahlia";

    private static final Logger LOG = LoggerFactory.getLogger(StripeApi.class);
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?");

    /** What a publishable key may do with a route (Stripe's API reference; see the README for each rule's source). */
    enum Rule {
        /** Any key. */
        PUBLISHABLE,
        /** A publishable key only with the intent's {@code client_secret}, and it then sees a subset of the fields. */
        CLIENT_SECRET,
        /** A secret key only. */
        SECRET_ONLY
    }

    /** One Stripe operation: the request in, the object to answer with out. */
    @FunctionalInterface
    interface Operation {
        ObjectNode handle(StripeRequest request);
    }

    /** What an operation may read: the request, its parameters, whose rights it has, and the charges. */
    record StripeRequest(Context http, StripeForm form, Access access, Services services, PaymentIntents paymentIntents) {

        String pathParam(String name) {
            return http.pathParam(name);
        }

        Instant now() {
            return services.clock().instant();
        }

        /** The renderer of this request's objects, inside the transaction {@code db}. */
        StripeObjects objects(Connection db) {
            return new StripeObjects(db, paymentIntents, access, RequestContext.publicRoot(http), now());
        }

        /** {@code node} with this request's {@code expand[]} applied. */
        ObjectNode expanded(StripeObjects objects, ObjectNode node) {
            return Expansion.apply(objects, node, form.expand());
        }

        /**
         * The object the path's {@code id} names, if it is a {@code kind} (its ids start with {@code prefix}):
         * 404 {@code resource_missing} naming {@code param} otherwise.
         */
        ObjectNode read(String kind, String param, String prefix) {
            form.allowOnly(java.util.Set.of(), java.util.Set.of());
            String id = pathParam("id");
            return services.database().transaction(db -> {
                StripeObjects objects = objects(db);
                ObjectNode node = (id.startsWith(prefix) ? objects.byId(id) : Optional.<ObjectNode>empty())
                        .orElseThrow(() -> StripeError.notFound(kind, param, id));
                return expanded(objects, node);
            });
        }
    }

    private record Route(HandlerType method, String path, Rule rule, Operation operation) {
    }

    private StripeApi() {
    }

    /**
     * Serves the fake Stripe under {@code /v1} (publishable key) and {@link #SECRET_VIEW} (the secret
     * key's view; {@code secretViewGate} throws an {@link ApiProblem} for a caller the control API refuses),
     * with the charges {@code paymentIntents} makes.
     */
    public static void install(JavalinConfig config, Services services, PaymentIntents paymentIntents,
                               Consumer<Context> secretViewGate) {
        CardOperations cards = new CardOperations();
        IntentOperations intents = new IntentOperations();
        List<Route> routes = List.of(
                new Route(HandlerType.POST, "/v1/payment_methods", Rule.PUBLISHABLE, cards::createPaymentMethod),
                new Route(HandlerType.GET, "/v1/payment_methods/{id}", Rule.SECRET_ONLY,
                        request -> request.read("PaymentMethod", "payment_method", "pm_")),
                new Route(HandlerType.POST, "/v1/tokens", Rule.PUBLISHABLE, cards::createToken),
                new Route(HandlerType.GET, "/v1/tokens/{id}", Rule.SECRET_ONLY, request -> request.read("token", "token", "tok_")),
                new Route(HandlerType.GET, "/v1/setup_intents/{id}", Rule.CLIENT_SECRET, intents::retrieveSetupIntent),
                new Route(HandlerType.POST, "/v1/setup_intents/{id}/confirm", Rule.CLIENT_SECRET, intents::confirmSetupIntent),
                new Route(HandlerType.GET, "/v1/payment_intents/{id}", Rule.CLIENT_SECRET, intents::retrievePaymentIntent),
                new Route(HandlerType.POST, "/v1/payment_intents/{id}/confirm", Rule.CLIENT_SECRET,
                        intents::confirmPaymentIntent),
                new Route(HandlerType.GET, "/v1/checkout/sessions/{id}", Rule.SECRET_ONLY,
                        request -> request.read("checkout.session", "session", "cs_")),
                new Route(HandlerType.GET, "/v1/charges/{id}", Rule.SECRET_ONLY, request -> request.read("charge", "id", "ch_")),
                new Route(HandlerType.GET, "/v1/customers/{id}", Rule.SECRET_ONLY,
                        request -> request.read("customer", "id", "cus_")));
        StripeIdempotency idempotency = new StripeIdempotency(services.database());
        Authenticator publishable = publishable(services.publishableKey());
        Authenticator secret = secretView(secretViewGate);
        Mount mount = (route, authenticator, prefix) -> config.routes.addHttpHandler(route.method(), prefix + route.path(),
                http -> handle(http, services, paymentIntents, idempotency, route, authenticator));
        String served = routes.stream().map(route -> route.method() + " " + route.path()).collect(Collectors.joining(", "));
        List<Route> unknown = new java.util.ArrayList<>();
        for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.DELETE}) {
            unknown.add(new Route(method, "/v1/<path>", Rule.PUBLISHABLE, request -> {
                throw StripeError.invalidRequest(404, null, null, "Unrecognized request URL (" + request.http().method()
                        + ": " + request.http().path() + "). The fake Stripe serves: " + served + ".");
            }));
        }
        config.routes.addHttpHandler(HandlerType.OPTIONS, "/v1/<path>", StripeApi::preflight);
        for (List<Route> some : List.of(routes, unknown)) {
            for (Route route : some) {
                mount.at(route, publishable, "");
                mount.at(route, secret, SECRET_VIEW);
            }
        }
    }

    /** Registers a route under a prefix, its requests authenticated by an {@link Authenticator}. */
    @FunctionalInterface
    private interface Mount {
        void at(Route route, Authenticator authenticator, String prefix);
    }

    /** Decides whose rights a request has, or refuses it. */
    @FunctionalInterface
    private interface Authenticator {
        Access authenticate(Context http, StripeForm form);
    }

    private static void handle(Context http, Services services, PaymentIntents paymentIntents,
                               StripeIdempotency idempotency, Route route, Authenticator authenticator) {
        String requestId = "req_" + StripeIds.random(14);
        http.header("Request-Id", requestId);
        http.header("Access-Control-Allow-Origin", "*");
        String idempotencyKey = null;
        boolean claimed = false;
        try {
            http.header("Stripe-Version", apiVersion(http.header("Stripe-Version")));
            StripeForm form = StripeForm.parse(http.queryString(), http.contentType(), http.body());
            Access access = authenticator.authenticate(http, form);
            if (access == Access.PUBLISHABLE && route.rule() == Rule.SECRET_ONLY) {
                throw StripeError.secretKeyRequired();
            }
            idempotencyKey = http.method() == HandlerType.POST ? http.header("Idempotency-Key") : null;
            if (idempotencyKey != null) {
                Optional<StripeIdempotency.Stored> stored = idempotency.claim(idempotencyKey, http.method() + " "
                        + stripePath(http.path()), form.parameters(), requestId, services.clock().instant());
                if (stored.isPresent()) {
                    http.header("Idempotent-Replayed", "true");
                    http.header("Original-Request", stored.get().originalRequestId());
                    write(http, stored.get().status(), stored.get().body().getBytes(StandardCharsets.UTF_8));
                    return;
                }
                claimed = true;
            }
            byte[] body = render(route.operation().handle(new StripeRequest(http, form, access, services, paymentIntents)));
            keepOrRelease(idempotency, claimed ? idempotencyKey : null, 200, body);
            write(http, 200, body);
        } catch (StripeError error) {
            if (error.status() == 401) {
                http.header("WWW-Authenticate", "Basic realm=\"Stripe\"");
            }
            byte[] body = render(error.body());
            keepOrRelease(idempotency, claimed ? idempotencyKey : null, error.status(), body);
            write(http, error.status(), body);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure in the fake Stripe on {} {}", http.method(), http.path(), e);
            StripeError error = StripeError.apiError();
            byte[] body = render(error.body());
            keepOrRelease(idempotency, claimed ? idempotencyKey : null, error.status(), body);
            write(http, error.status(), body);
        }
    }

    /**
     * Stripe keeps the answer of a request that began to act: a success, a card error (the declined
     * intent stays), a server error. A request refused while its parameters were checked leaves the key
     * unused.
     */
    private static void keepOrRelease(StripeIdempotency idempotency, String key, int status, byte[] body) {
        if (key == null) {
            return;
        }
        if (status == 200 || status == 402 || status >= 500) {
            idempotency.keep(key, status, new String(body, StandardCharsets.UTF_8));
        } else {
            idempotency.release(key);
        }
    }

    /** The path as Stripe names the endpoint, whichever mount it came through. */
    private static String stripePath(String path) {
        return path.startsWith(SECRET_VIEW) ? path.substring(SECRET_VIEW.length()) : path;
    }

    /**
     * The version a request pins with {@code Stripe-Version}, or the account's: Stripe answers with the
     * version it rendered for. The fake Stripe renders one shape whatever the version (see the README).
     */
    private static String apiVersion(String requested) {
        if (requested == null || requested.isBlank()) {
            return API_VERSION;
        }
        if (!VERSION.matcher(requested.trim()).matches()) {
            throw StripeError.invalidRequest(400, null, null, "Invalid Stripe API version: " + requested + ". Versions "
                    + "look like " + API_VERSION + " (see https://docs.stripe.com/upgrades).");
        }
        return requested.trim();
    }

    /**
     * The publishable key, as the Basic user name (the documented Python flow), as a Bearer token (the
     * official CLI) or as the {@code key} parameter (Stripe.js). ModelsLab never hands a secret key to
     * agents, so none is accepted here: an agent holding one has a bug worth seeing.
     */
    private static Authenticator publishable(String publishableKey) {
        return (http, form) -> {
            String key = presentedKey(http, form);
            if (key == null || key.isEmpty()) {
                throw StripeError.unauthenticated("You did not provide an API key. Provide the publishable key (from "
                        + "GET /api/agents/v1/billing/stripe-config) in the Authorization header, using Bearer auth "
                        + "(Authorization: Bearer pk_test_...) or HTTP Basic auth with the key as the user name.");
            }
            if (!key.equals(publishableKey)) {
                throw StripeError.unauthenticated("Invalid API Key provided: " + masked(key)
                        + ". The fake Stripe accepts only the publishable key from GET /api/agents/v1/billing/stripe-config.");
            }
            return Access.PUBLISHABLE;
        };
    }

    /** The secret key's view: whoever the control API lets in (loopback, or its admin token). */
    private static Authenticator secretView(Consumer<Context> gate) {
        return (http, form) -> {
            try {
                gate.accept(http);
            } catch (ApiProblem refused) {
                throw refused.status() == 401 ? StripeError.unauthenticated(refused.getMessage())
                        : StripeError.invalidRequest(refused.status(), null, null, refused.getMessage());
            }
            return Access.SECRET;
        };
    }

    private static String presentedKey(Context http, StripeForm form) {
        String authorization = http.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basicUser(authorization.substring(6).trim());
        }
        if (authorization != null) {
            throw StripeError.unauthenticated("Invalid Authorization header: use HTTP Basic with the publishable key as "
                    + "the user name, or Authorization: Bearer <publishable key>.");
        }
        return form.get("key");
    }

    private static String basicUser(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            throw StripeError.unauthenticated("Invalid Authorization header: the Basic credentials are not valid base64.");
        }
    }

    /** As Stripe shows a wrong key: its prefix and last four characters only. */
    private static String masked(String key) {
        int prefix = key.indexOf('_', key.indexOf('_') + 1);
        if (key.length() <= 8) {
            return "*".repeat(key.length());
        }
        String start = prefix > 0 && prefix < key.length() - 4 ? key.substring(0, prefix + 1) : "";
        return start + "*".repeat(Math.max(4, key.length() - start.length() - 4)) + key.substring(key.length() - 4);
    }

    /** Stripe answers browsers' CORS preflights; so does the fake, for agents that run in a browser. */
    private static void preflight(Context http) {
        http.header("Access-Control-Allow-Origin", "*");
        http.header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
        http.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account");
        http.header("Access-Control-Max-Age", "300");
        http.status(204);
    }

    private static byte[] render(ObjectNode body) {
        try {
            return StripeObjects.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Stripe answer", e);
        }
    }

    private static void write(Context http, int status, byte[] body) {
        http.status(status);
        http.contentType("application/json");
        http.result(body);
    }
}
