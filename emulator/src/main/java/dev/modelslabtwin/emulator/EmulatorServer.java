package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.faults.Faults;
import dev.modelslabtwin.emulator.routing.ApiRoute;
import dev.modelslabtwin.emulator.routing.ApiRouter;
import dev.modelslabtwin.emulator.routing.Authenticator;
import dev.modelslabtwin.emulator.routing.IdempotentRequests;
import dev.modelslabtwin.emulator.routing.ProtocolErrors;
import dev.modelslabtwin.emulator.routing.ContractValidator;
import dev.modelslabtwin.emulator.routing.RateLimiter;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The HTTP side of the emulator: a Javalin server serving the generated routes under
 * {@code /api/agents/v1}. Starting on port 0 picks a free port, which is what tests want.
 */
public final class EmulatorServer implements AutoCloseable {

    private final Javalin app;
    private final RateLimiter rateLimiter;
    private final String host;

    private EmulatorServer(Javalin app, RateLimiter rateLimiter, String host) {
        this.app = app;
        this.rateLimiter = rateLimiter;
        this.host = host;
    }

    /**
     * Serves {@code routes} on {@code host:port} with {@code limiter}'s rate limits, callers identified by
     * {@code authenticator}, {@code Idempotency-Key} honoured by {@code idempotency} (null: keys are
     * ignored), and whatever else {@code extras} registers (pages, the control API); no faults, every
     * answer checked against the contract.
     */
    public static EmulatorServer start(String host, int port, List<ApiRoute> routes, Authenticator authenticator,
                                       IdempotentRequests idempotency, RateLimiter limiter,
                                       Consumer<JavalinConfig> extras) {
        return start(host, port, routes, authenticator, idempotency, new Faults(ContractValidator.BASE_PATH), limiter,
                true, CompletableFuture.completedFuture(null), extras);
    }

    /**
     * As above, with the faults a control API sets acting on every request, and every answer checked
     * against the contract unless {@code responseValidation} is false; a request that comes before
     * {@code ready} is done waits for it (the state it reads is still being made).
     */
    public static EmulatorServer start(String host, int port, List<ApiRoute> routes, Authenticator authenticator,
                                       IdempotentRequests idempotency, Faults faults, RateLimiter limiter,
                                       boolean responseValidation, CompletableFuture<?> ready,
                                       Consumer<JavalinConfig> extras) {
        ApiRouter router = new ApiRouter(routes, limiter, authenticator, idempotency, faults, responseValidation);
        Javalin app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProtocolErrors()));
            config.routes.addHttpHandler(HandlerType.BEFORE, "*", http -> {
                if (!ready.isDone()) {
                    ready.exceptionally(failure -> null).join();
                }
            });
            extras.accept(config);
            router.install(config);
        });
        app.start();
        return new EmulatorServer(app, limiter, host);
    }

    public int port() {
        return app.port();
    }

    /** The host root, e.g. {@code http://127.0.0.1:8080}: what {@code MODELSLAB_BASE_URL} should say. */
    public String baseUrl() {
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port();
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public void close() {
        app.stop();
    }
}
