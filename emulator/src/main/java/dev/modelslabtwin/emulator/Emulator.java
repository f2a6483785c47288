package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.admin.AccessGate;
import dev.modelslabtwin.emulator.admin.ControlApi;
import dev.modelslabtwin.emulator.admin.DocumentationRoutes;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.auth.TokenAuthenticator;
import dev.modelslabtwin.emulator.auth.VerificationPages;
import dev.modelslabtwin.emulator.billing.InvoiceFiles;
import dev.modelslabtwin.emulator.control.EmulatorControl;
import dev.modelslabtwin.emulator.control.model.SeedAccount;
import dev.modelslabtwin.emulator.control.model.SeedDocument;
import dev.modelslabtwin.emulator.control.model.SeedToken;
import dev.modelslabtwin.emulator.core.Background;
import dev.modelslabtwin.emulator.core.DueWork;
import dev.modelslabtwin.emulator.core.EmulatedClock;
import dev.modelslabtwin.emulator.core.InMemoryState;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.faults.Fault;
import dev.modelslabtwin.emulator.faults.Faults;
import dev.modelslabtwin.emulator.journal.RequestJournal;
import dev.modelslabtwin.emulator.journal.Traffic;
import dev.modelslabtwin.emulator.mcp.AgentControlPlane;
import dev.modelslabtwin.emulator.mcp.ToolCatalogue;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.ContractValidator;
import dev.modelslabtwin.emulator.routing.RateLimiter;
import dev.modelslabtwin.emulator.seed.Seeder;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.api.StripeApi;
import dev.modelslabtwin.emulator.stripe.pages.HostedPages;
import dev.modelslabtwin.emulator.subscriptions.Plans;
import dev.modelslabtwin.emulator.wallet.Usage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole emulator, assembled: database (seeded), emulated clock, fake Stripe, every capability's
 * endpoints, the MCP endpoint, the control API and the HTTP server. What {@link Main} starts and what tests start
 * in-process; what the control API can do, Java callers do through {@link EmulatorControl}.
 */
public final class Emulator implements EmulatorControl, AutoCloseable {

    /** The fake Stripe account's publishable key, as {@code GET /billing/stripe-config} hands it out. */
    public static final String PUBLISHABLE_KEY = "pk_test_51TwinModelsLabEmulatorOfflineKey000000000000000000000000";

    /** How many API requests the journal keeps unless told otherwise. */
    public static final int DEFAULT_JOURNAL_SIZE = 1000;

    /**
     * Where and how to run: host, port (0 picks a free one), database ({@code mem} or {@code file:...}),
     * seed file (null: the built-in seed), the admin token that opens the control API beyond loopback
     * (null: loopback only), how many requests the journal keeps (0: none), whether every request
     * gets a log line, whether the live API's rate limits apply (off: for load tests and benchmarks) and
     * whether every answer is checked against the contract before it leaves.
     */
    public record Options(String host, int port, String database, Path seedFile, String adminToken, int journalSize,
                          boolean requestLog, boolean rateLimits, boolean responseValidation) {

        /** Options without an admin token, with the default journal, no request log and the live rate limits. */
        public Options(String host, int port, String database, Path seedFile) {
            this(host, port, database, seedFile, null, DEFAULT_JOURNAL_SIZE, false, true, true);
        }

        /** What {@code java -jar} runs without flags: loopback port 8080, in memory, request log on, live rate limits. */
        public static Options defaults() {
            return new Options("127.0.0.1", 8080, "mem", null, null, DEFAULT_JOURNAL_SIZE, true, true, true);
        }

        /** An in-memory emulator on a free loopback port with the built-in seed and a quiet log: what tests want. */
        public static Options forTests() {
            return new Options("127.0.0.1", 0, "mem", null);
        }

        public Options withDatabase(String database) {
            return new Options(host, port, database, seedFile, adminToken, journalSize, requestLog, rateLimits,
                    responseValidation);
        }

        public Options withSeedFile(Path seedFile) {
            return new Options(host, port, database, seedFile, adminToken, journalSize, requestLog, rateLimits,
                    responseValidation);
        }

        public Options withHost(String host) {
            return new Options(host, port, database, seedFile, adminToken, journalSize, requestLog, rateLimits,
                    responseValidation);
        }

        public Options withAdminToken(String adminToken) {
            return new Options(host, port, database, seedFile, adminToken, journalSize, requestLog, rateLimits,
                    responseValidation);
        }

        public Options withJournalSize(int journalSize) {
            return new Options(host, port, database, seedFile, adminToken, journalSize, requestLog, rateLimits,
                    responseValidation);
        }

        public Options withRequestLog(boolean requestLog) {
            return new Options(host, port, database, seedFile, adminToken, journalSize, requestLog, rateLimits,
                    responseValidation);
        }

        public Options withRateLimits(boolean rateLimits) {
            return new Options(host, port, database, seedFile, adminToken, journalSize, requestLog, rateLimits,
                    responseValidation);
        }

    }

    private final Services services;
    private final Capabilities capabilities;
    private final InMemoryState state;
    private final DueWork dueWork;
    private final Faults faults;
    private final RequestJournal journal;
    private final SeedDocument startingSeed;
    private volatile SeedDocument baseline;
    private volatile String defaultToken;
    private volatile EmulatorServer server;
    private final AgentControlPlane mcp;

    private Emulator(Services services, Capabilities capabilities, InMemoryState state, DueWork dueWork, Faults faults,
                     RequestJournal journal, SeedDocument baseline, AgentControlPlane mcp) {
        this.services = services;
        this.capabilities = capabilities;
        this.state = state;
        this.dueWork = dueWork;
        this.faults = faults;
        this.journal = journal;
        this.startingSeed = baseline;
        this.baseline = baseline;
        this.mcp = mcp;
    }

    /**
     * Starts an emulator. A seed file that cannot be applied is an {@link IllegalArgumentException}
     * saying what is wrong with it.
     */
    public static Emulator start(Options options) {
        // The request validator is the slowest part of a start: it is built meanwhile, on another core.
        ContractValidator.forApi();
        SeedDocument seed = options.seedFile() == null ? Seeder.builtIn() : Seeder.read(options.seedFile());
        // Everything kept in memory is made here, through the state a reset puts back; the clock first.
        InMemoryState state = new InMemoryState();
        EmulatedClock clock = state.own(EmulatedClock.system());
        Services services = new Services(Database.at(options.database()), clock, PUBLISHABLE_KEY);
        Capabilities capabilities = Capabilities.of(services);
        DueWork dueWork = state.own(new DueWork(clock, capabilities.dueWork()));
        Faults faults = state.own(new Faults(ContractValidator.BASE_PATH));
        RequestJournal journal = state.own(new RequestJournal(options.journalSize()));
        RateLimiter limiter = state.own(RateLimiter.ofContract(options.rateLimits()));
        Emulator emulator = new Emulator(services, capabilities, state, dueWork, faults, journal, seed,
                new AgentControlPlane(ToolCatalogue::fromBundledContract));
        // Seeded on another core while the server is made; requests that come before it is done wait for it.
        CompletableFuture<Void> seeded = Background.supply("seed", () -> {
            emulator.seedAtStart(options);
            return null;
        });
        emulator.server = EmulatorServer.start(options.host(), options.port(), capabilities.routes(),
                new TokenAuthenticator(services.database(), clock), capabilities.idempotency(), faults, limiter,
                options.responseValidation(), seeded, config -> {
                    DocumentationRoutes.install(config);
                    ControlApi.install(config, emulator, options.adminToken());
                    Traffic.install(config, journal, options.requestLog(), clock, ContractValidator.BASE_PATH);
                    StripeApi.install(config, services, capabilities.paymentIntents(),
                            new AccessGate(options.adminToken())::check);
                    HostedPages.install(config, services, capabilities.paymentIntents());
                    InvoiceFiles.install(config, services);
                    emulator.mcp.install(config);
                    VerificationPages.install(config);
                });
        try {
            seeded.join();
        } catch (CompletionException failed) {
            emulator.server.close();
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
        return emulator;
    }

    private void seedAtStart(Options options) {
        try {
            defaultToken = services.database().transaction(db -> {
                Seeder.apply(db, baseline, services.clock().instant());
                return Seeder.defaultToken(db, baseline, services.clock().instant()).orElse(null);
            });
        } catch (ApiProblem problem) {
            throw new IllegalArgumentException("cannot apply seed " + (options.seedFile() == null ? "(built-in)"
                    : options.seedFile()) + ": " + problem.getMessage() + " " + problem.details(), problem);
        }
        services.database().transaction(db -> {
            Plans.verifyCatalogue(db);
            return null;
        });
    }

    /** Rows a reset must drop (some 14,000 payments' worth) before it hands the memory back at once. */
    static final long LARGE_HISTORY_ROWS = 100_000;

    /** Emulated time back to real time, no faults, fresh rate-limit windows and an empty journal too. */
    @Override
    public synchronized Reset reset() {
        state.reset();
        long dropped = services.database().wipe();
        Instant now = services.clock().instant();
        Seeder.Seeded seeded = services.database().transaction(db -> {
            Seeder.Seeded applied = Seeder.apply(db, baseline, now);
            defaultToken = Seeder.defaultToken(db, baseline, now).orElse(null);
            return applied;
        });
        if (dropped >= LARGE_HISTORY_ROWS) {
            // The in-memory database's rows are heap: the launcher's serial collector gives the freed heap
            // back to the system only at a full collection, which a shared emulator may not see for hours.
            // Small resets (one before each test) skip it: a full collection each would slow every suite.
            System.gc();
        }
        return new Reset(now, defaultToken, seeded);
    }

    /**
     * Back to the seed the emulator started with, even after {@code PUT /seed} made another one the
     * baseline: what the JUnit extension does before each test, so that no test's baseline leaks into
     * the next class's.
     */
    public synchronized Reset resetToStartingSeed() {
        baseline = startingSeed;
        return reset();
    }

    @Override
    public synchronized Seeder.Seeded seed(SeedDocument seed) {
        return services.database().transaction(db -> Seeder.apply(db, seed, services.clock().instant()));
    }

    @Override
    public synchronized Reset replaceSeed(SeedDocument seed) {
        SeedDocument previous = baseline;
        baseline = seed;
        try {
            return reset();
        } catch (ApiProblem problem) {
            baseline = previous;
            reset();
            throw problem;
        }
    }

    @Override
    public Instant now() {
        return services.clock().instant();
    }

    @Override
    public Duration clockOffset() {
        return services.clock().offset();
    }

    @Override
    public synchronized Advance advanceClock(Duration by) {
        Instant now = services.clock().advance(by);
        return ranUntil(now.minus(by), now);
    }

    @Override
    public synchronized Advance advanceClockTo(Instant target) {
        Instant previous = services.clock().instant();
        services.clock().advanceTo(target);
        return ranUntil(previous, target);
    }

    /** Runs the work due by {@code now}; {@code previous} is emulated now before the jump (real time's crawl aside). */
    private Advance ranUntil(Instant previous, Instant now) {
        List<DueWork.Ran> jobs = dueWork.runAll(now);
        return new Advance(previous, now, Duration.between(previous, now).toSeconds(), jobs);
    }

    @Override
    public Fault injectFault(Fault.Spec spec) {
        return faults.add(spec, services.clock().instant());
    }

    @Override
    public Seeder.SeededAccount createAccount(SeedAccount account) {
        return services.database().transaction(db -> Seeder.create(db, account, "", services.clock().instant()));
    }

    @Override
    public Seeder.IssuedToken issueToken(long accountId, SeedToken token) {
        return services.database().transaction(db -> {
            if (Accounts.find(db, accountId).isEmpty()) {
                throw new ApiProblem(404, "not_found", "No such account " + accountId + ".", Map.of());
            }
            return Seeder.issue(db, accountId, token, "", services.clock().instant());
        });
    }

    @Override
    public Usage.Spent spend(long accountId, BigDecimal amount, String description) {
        return Usage.spend(services, capabilities.paymentIntents(), accountId, amount, description);
    }

    @Override
    public Services services() {
        return services;
    }

    @Override
    public PaymentIntents paymentIntents() {
        return capabilities.paymentIntents();
    }

    @Override
    public Faults faults() {
        return faults;
    }

    @Override
    public RequestJournal journal() {
        return journal;
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

    /** The MCP endpoint, e.g. {@code http://127.0.0.1:8080/mcp/agents}. */
    public String mcpUrl() {
        return baseUrl() + AgentControlPlane.PATH;
    }

    /** The twin of the hosted Agent Control Plane MCP server (its stdio mode, for Java callers). */
    public AgentControlPlane mcp() {
        return mcp;
    }

    /** The control API's root, e.g. {@code http://127.0.0.1:8080/_emulator}. */
    public String controlUrl() {
        return baseUrl() + ControlApi.PREFIX;
    }

    /** The default (first seeded) account's bearer token, or null when the seed has none. */
    public String defaultToken() {
        return defaultToken;
    }

    @Override
    public void close() {
        EmulatorServer running = server;
        if (running != null) {
            running.close();
        }
    }
}
