package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.admin.ControlApi;
import dev.modelslabtwin.emulator.admin.DocumentationRoutes;
import dev.modelslabtwin.emulator.api.AuthApi;
import dev.modelslabtwin.emulator.api.BillingApi;
import dev.modelslabtwin.emulator.api.PaymentsApi;
import dev.modelslabtwin.emulator.api.SubscriptionsApi;
import dev.modelslabtwin.emulator.api.WalletApi;
import dev.modelslabtwin.emulator.auth.AuthEndpoints;
import dev.modelslabtwin.emulator.auth.TokenAuthenticator;
import dev.modelslabtwin.emulator.billing.BillingEndpoints;
import dev.modelslabtwin.emulator.billing.InvoiceFiles;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.payments.PaymentEndpoints;
import dev.modelslabtwin.emulator.routing.ApiRoute;
import dev.modelslabtwin.emulator.routing.ContractValidator;
import dev.modelslabtwin.emulator.routing.IdempotentRequests;
import dev.modelslabtwin.emulator.seed.SeedFile;
import dev.modelslabtwin.emulator.seed.Seeder;
import dev.modelslabtwin.emulator.stripe.CheckoutSessions;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.api.StripeApi;
import dev.modelslabtwin.emulator.stripe.pages.HostedPages;
import dev.modelslabtwin.emulator.subscriptions.SubscriptionEndpoints;
import dev.modelslabtwin.emulator.time.DueWork;
import dev.modelslabtwin.emulator.time.EmulatedClock;
import dev.modelslabtwin.emulator.wallet.WalletEndpoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole emulator, assembled: database (seeded), emulated clock, fake Stripe, every capability's
 * endpoints, and the HTTP server. What {@link Main} starts and what tests start in-process.
 */
public final class Emulator implements AutoCloseable {

    /** The fake Stripe account's publishable key, as {@code GET /billing/stripe-config} hands it out. */
    public static final String PUBLISHABLE_KEY = "pk_test_51TwinModelsLabEmulatorOfflineKey000000000000000000000000";

    /** Where and how to run: host, port (0 picks a free one), database ({@code mem} or {@code file:...}), seed file. */
    public record Options(String host, int port, String database, Path seedFile) {

        public static Options defaults() {
            return new Options("127.0.0.1", 8080, "mem", null);
        }

        /** An in-memory emulator on a free loopback port with the built-in seed: what tests want. */
        public static Options forTests() {
            return new Options("127.0.0.1", 0, "mem", null);
        }

        public Options withPort(int port) {
            return new Options(host, port, database, seedFile);
        }

        public Options withDatabase(String database) {
            return new Options(host, port, database, seedFile);
        }

        public Options withSeedFile(Path seedFile) {
            return new Options(host, port, database, seedFile);
        }

        public Options withHost(String host) {
            return new Options(host, port, database, seedFile);
        }
    }

    private final Services services;
    private final EmulatorServer server;
    private final String defaultToken;

    private Emulator(Services services, EmulatorServer server, String defaultToken) {
        this.services = services;
        this.server = server;
        this.defaultToken = defaultToken;
    }

    public static Emulator start(Options options) {
        Database database = Database.at(options.database());
        EmulatedClock clock = EmulatedClock.system();
        SeedFile seed = options.seedFile() == null ? Seeder.builtIn() : Seeder.read(options.seedFile());
        String defaultToken = database.transaction(db -> {
            Seeder.apply(db, seed, clock.instant());
            return Seeder.defaultToken(db, seed, clock.instant()).orElse(null);
        });
        PaymentIntents paymentIntents = new PaymentIntents();
        CheckoutSessions.registerWith(paymentIntents);
        Services services = new Services(database, clock, paymentIntents, new DueWork(), PUBLISHABLE_KEY);
        EmulatorServer server = EmulatorServer.start(options.host(), options.port(), routes(services),
                new TokenAuthenticator(database, clock), new IdempotentRequests(database, clock),
                config -> {
                    DocumentationRoutes.install(config);
                    ControlApi.install(config, services);
                    StripeApi.install(config, services);
                    HostedPages.install(config, services);
                    InvoiceFiles.install(config, services);
                });
        return new Emulator(services, server, defaultToken);
    }

    private static List<ApiRoute> routes(Services services) {
        List<ApiRoute> routes = new ArrayList<>();
        routes.addAll(AuthApi.routes(new AuthEndpoints(services)));
        routes.addAll(WalletApi.routes(new WalletEndpoints(services)));
        routes.addAll(BillingApi.routes(new BillingEndpoints(services)));
        routes.addAll(PaymentsApi.routes(new PaymentEndpoints(services)));
        routes.addAll(SubscriptionsApi.routes(new SubscriptionEndpoints(services)));
        return routes;
    }

    public Services services() {
        return services;
    }

    public EmulatorServer server() {
        return server;
    }

    /** The host root, e.g. {@code http://127.0.0.1:8080}: the value for {@code MODELSLAB_BASE_URL}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The API root, e.g. {@code http://127.0.0.1:8080/api/agents/v1}. */
    public String apiUrl() {
        return baseUrl() + ContractValidator.BASE_PATH;
    }

    public String docsUrl() {
        return baseUrl() + "/docs/";
    }

    /** The default (first seeded) account's bearer token, or null when the seed has none. */
    public String defaultToken() {
        return defaultToken;
    }

    @Override
    public void close() {
        server.close();
    }
}
