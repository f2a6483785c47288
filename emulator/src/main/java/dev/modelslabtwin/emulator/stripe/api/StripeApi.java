package dev.modelslabtwin.emulator.stripe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.routing.RequestContext;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.StripeIds;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The fake Stripe's HTTP API, under Stripe's own paths ({@code /v1/...}) on the emulator's port, so
 * that pointing a Stripe base URL (or a Stripe SDK's API base) at the emulator is all it takes. The
 * publishable key authenticates, as HTTP Basic user name, as a Bearer token, or as Stripe.js's
 * {@code key} parameter; every answer, failures included, is Stripe's JSON.
 */
public final class StripeApi {

    private static final Logger LOG = LoggerFactory.getLogger(StripeApi.class);

    /** One Stripe operation: the request in, the object to answer with out. */
    @FunctionalInterface
    interface Operation {
        ObjectNode handle(StripeRequest request) throws Exception;
    }

    /** What an operation may read: path parameters, the parameters, and the root for URLs it hands out. */
    record StripeRequest(Context http, StripeForm form) {

        String pathParam(String name) {
            return http.pathParam(name);
        }

        String publicRoot() {
            return RequestContext.publicRoot(http);
        }
    }

    private StripeApi() {
    }

    public static void install(JavalinConfig config, Services services, PaymentIntents paymentIntents) {
        StripeOperations operations = new StripeOperations(services, paymentIntents);
        List<String> served = new ArrayList<>();
        route(config, services, served, HandlerType.POST, "/v1/payment_methods", operations::createPaymentMethod);
        route(config, services, served, HandlerType.GET, "/v1/payment_methods/{id}", operations::retrievePaymentMethod);
        route(config, services, served, HandlerType.GET, "/v1/setup_intents/{id}", operations::retrieveSetupIntent);
        route(config, services, served, HandlerType.POST, "/v1/setup_intents/{id}/confirm", operations::confirmSetupIntent);
        route(config, services, served, HandlerType.GET, "/v1/payment_intents/{id}", operations::retrievePaymentIntent);
        route(config, services, served, HandlerType.POST, "/v1/payment_intents/{id}/confirm",
                operations::confirmPaymentIntent);
        route(config, services, served, HandlerType.GET, "/v1/checkout/sessions/{id}", operations::retrieveCheckoutSession);
        config.routes.addHttpHandler(HandlerType.OPTIONS, "/v1/<path>", StripeApi::preflight);
        // The routes above, as registered, are what an unknown URL's answer lists.
        String routes = String.join(", ", served);
        for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.DELETE}) {
            route(config, services, new ArrayList<>(), method, "/v1/<path>", request -> {
                throw StripeError.invalidRequest(404, null, null, "Unrecognized request URL (" + request.http().method()
                        + ": " + request.http().path() + "). The fake Stripe serves: " + routes + ".");
            });
        }
    }

    private static void route(JavalinConfig config, Services services, List<String> served, HandlerType method, String path,
                              Operation operation) {
        served.add(method.name() + " " + path);
        config.routes.addHttpHandler(method, path, http -> {
            http.header("Request-Id", "req_" + StripeIds.random(14));
            http.header("Access-Control-Allow-Origin", "*");
            try {
                StripeForm form = StripeForm.parse(http.queryString(), http.contentType(), http.body());
                authenticate(http, form, services.publishableKey());
                write(http, 200, operation.handle(new StripeRequest(http, form)));
            } catch (StripeError error) {
                if (error.status() == 401) {
                    http.header("WWW-Authenticate", "Basic realm=\"Stripe\"");
                }
                write(http, error.status(), error.body());
            } catch (Exception e) {
                LOG.error("unexpected failure in the fake Stripe on {} {}", http.method(), http.path(), e);
                StripeError error = StripeError.apiError();
                write(http, error.status(), error.body());
            }
        });
    }

    /**
     * The key is the publishable key, given as the Basic user name (the documented Python flow), as a
     * Bearer token (the official CLI) or as the {@code key} parameter (Stripe.js). ModelsLab never
     * hands a secret key to agents, so none is accepted: an agent holding one has a bug worth seeing.
     */
    private static void authenticate(Context http, StripeForm form, String publishableKey) {
        String authorization = http.header("Authorization");
        String key;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            key = basicUser(authorization.substring(6).trim());
        } else if (authorization != null) {
            throw StripeError.unauthenticated("Invalid Authorization header: use HTTP Basic with the publishable key as "
                    + "the user name, or Authorization: Bearer <publishable key>.");
        } else {
            key = form.get("key");
        }
        if (key == null || key.isEmpty()) {
            throw StripeError.unauthenticated("You did not provide an API key. Provide the publishable key (from "
                    + "GET /api/agents/v1/billing/stripe-config) in the Authorization header, using Bearer auth "
                    + "(Authorization: Bearer pk_test_...) or HTTP Basic auth with the key as the user name.");
        }
        if (!key.equals(publishableKey)) {
            throw StripeError.unauthenticated("Invalid API Key provided: " + masked(key)
                    + ". The fake Stripe accepts only the publishable key from GET /api/agents/v1/billing/stripe-config.");
        }
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

    private static void write(Context http, int status, ObjectNode body) {
        http.status(status);
        http.contentType("application/json");
        try {
            http.result(StripeObjects.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Stripe answer", e);
        }
    }
}
