package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.routing.ApiRoute;
import dev.modelslabtwin.emulator.routing.ApiRouter;
import dev.modelslabtwin.emulator.routing.ContractOperations;
import dev.modelslabtwin.emulator.routing.RateLimiter;
import io.javalin.Javalin;

import java.time.Clock;
import java.util.List;

/**
 * The HTTP side of the emulator: a Javalin server serving the generated routes under
 * {@code /api/agents/v1}. Starting on port 0 picks a free port, which is what tests want.
 */
public final class EmulatorServer implements AutoCloseable {

    private final Javalin app;
    private final RateLimiter rateLimiter;

    private EmulatorServer(Javalin app, RateLimiter rateLimiter) {
        this.app = app;
        this.rateLimiter = rateLimiter;
    }

    /** Serves {@code routes} on {@code host:port} with the live API's rate limits. */
    public static EmulatorServer start(String host, int port, List<ApiRoute> routes) {
        RateLimiter limiter = new RateLimiter(Clock.systemUTC(), ContractOperations.rateLimits());
        ApiRouter router = new ApiRouter(routes, limiter);
        Javalin app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            router.install(config);
        });
        app.start();
        return new EmulatorServer(app, limiter);
    }

    public int port() {
        return app.port();
    }

    /** The host root, e.g. {@code http://127.0.0.1:8080}: what {@code MODELSLAB_BASE_URL} should say. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public void close() {
        app.stop();
    }
}
