package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.admin.ControlApi;
import dev.modelslabtwin.emulator.admin.DocumentationRoutes;
import dev.modelslabtwin.emulator.auth.TokenAuthenticator;
import dev.modelslabtwin.emulator.billing.InvoiceFiles;
import dev.modelslabtwin.emulator.core.DueWork;
import dev.modelslabtwin.emulator.core.EmulatedClock;
import dev.modelslabtwin.emulator.core.InMemoryState;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.faults.Fault;
import dev.modelslabtwin.emulator.faults.Faults;
import dev.modelslabtwin.emulator.journal.RequestJournal;
import dev.modelslabtwin.emulator.journal.Traffic;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.ContractValidator;
import dev.modelslabtwin.emulator.routing.RateLimiter;
import dev.modelslabtwin.emulator.seed.SeedFile;
import dev.modelslabtwin.emulator.seed.Seeder;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.stripe.api.StripeApi;
import dev.modelslabtwin.emulator.stripe.pages.HostedPages;
import dev.modelslabtwin.emulator.subscriptions.Plans;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The whole emulator, assembled: database (seeded), emulated clock, fake Stripe, every capability's
 * endpoints, the control API and the HTTP server. What {@link Main} starts and what tests start
 * in-process; the methods below are the control API's, for Java callers.
 */
public final class Emulator implements AutoCloseable {

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

    /** The state a reset (or a new baseline seed) left: emulated now, the default token, what was seeded. */
    public record Reset(Instant now, String defaultToken, Seeder.Seeded seed) {
    }

    /** What advancing the clock did: from when to when, and what each due-work job did. */
    public record Advance(Instant previous, Instant now, long advancedBySeconds, List<DueWork.Ran> jobs) {
    }

    private final Services services;
    private final Capabilities capabilities;
    private final InMemoryState state;
    private final DueWork dueWork;
    private final Faults faults;
    private final RequestJournal journal;
    private volatile SeedFile baseline;
    private volatile String defaultToken;
    private volatile EmulatorServer server;

    private Emulator(Services services, Capabilities capabilities, InMemoryState state, DueWork dueWork, Faults faults,
                     RequestJournal journal, SeedFile baseline) {
        this.services = services;
        this.capabilities = capabilities;
        this.state = state;
        this.dueWork = dueWork;
        this.faults = faults;
        this.journal = journal;
        this.baseline = baseline;
    }

    /**
     * Starts an emulator. A seed file that cannot be applied is an {@link IllegalArgumentException}
     * saying what is wrong with it.
     */
    public static Emulator start(Options options) {
        // The request validator is the slowest part of a start: it is built meanwhile, on another core.
        ContractValidator.forApi();
        SeedFile seed = options.seedFile() == null ? Seeder.builtIn() : Seeder.read(options.seedFile());
        // Everything kept in memory is made here, through the state a reset puts back; the clock first.
        InMemoryState state = new InMemoryState();
        EmulatedClock clock = state.own(EmulatedClock.system());
        Services services = new Services(Database.at(options.database()), clock, PUBLISHABLE_KEY);
        Capabilities capabilities = Capabilities.of(services);
        DueWork dueWork = state.own(new DueWork(clock, capabilities.dueWork()));
        Faults faults = state.own(new Faults(ContractValidator.BASE_PATH));
        RequestJournal journal = state.own(new RequestJournal(options.journalSize()));
        RateLimiter limiter = state.own(RateLimiter.ofContract(options.rateLimits()));
        Emulator emulator = new Emulator(services, capabilities, state, dueWork, faults, journal, seed);
        emulator.seedAtStart(options);
        emulator.server = EmulatorServer.start(options.host(), options.port(), capabilities.routes(),
                new TokenAuthenticator(services.database(), clock), capabilities.idempotency(), faults, limiter,
                options.responseValidation(), config -> {
                    DocumentationRoutes.install(config);
                    ControlApi.install(config, emulator, options.adminToken());
                    Traffic.install(config, journal, options.requestLog(), clock, ContractValidator.BASE_PATH);
                    StripeApi.install(config, services, capabilities.paymentIntents());
                    HostedPages.install(config, services, capabilities.paymentIntents());
                    InvoiceFiles.install(config, services);
                });
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

    /**
     * Back to the seeded state: database wiped and seeded again from the baseline seed (ids from 1, so
     * seeded tokens are unchanged), and everything kept in memory as at start (emulated time back to
     * real time, no faults, fresh rate-limit windows, an empty journal). Requests in flight meanwhile may
     * fail: reset between tests.
     */
    public synchronized Reset reset() {
        state.reset();
        services.database().wipe();
        Instant now = services.clock().instant();
        Seeder.Seeded seeded = services.database().transaction(db -> {
            Seeder.Seeded applied = Seeder.apply(db, baseline, now);
            defaultToken = Seeder.defaultToken(db, baseline, now).orElse(null);
            return applied;
        });
        return new Reset(now, defaultToken, seeded);
    }

    /** Adds {@code seed} to the current state, all or nothing (see {@link Seeder}). */
    public synchronized Seeder.Seeded seed(SeedFile seed) {
        return services.database().transaction(db -> Seeder.apply(db, seed, services.clock().instant()));
    }

    /**
     * Makes {@code seed} the baseline and resets to it. A seed that cannot be applied leaves the old
     * baseline in place (and the emulator reset to it) and is reported as the {@link ApiProblem} it caused.
     */
    public synchronized Reset replaceSeed(SeedFile seed) {
        SeedFile previous = baseline;
        baseline = seed;
        try {
            return reset();
        } catch (ApiProblem problem) {
            baseline = previous;
            reset();
            throw problem;
        }
    }

    /** Moves emulated time forward by {@code by} and runs the work that fell due. */
    public synchronized Advance advanceClock(Duration by) {
        Instant now = services.clock().advance(by);
        return ranUntil(now.minus(by), now);
    }

    /** Moves emulated time forward to {@code target} and runs the work that fell due. */
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

    /** Injects a fault into the API requests it targets, from now on (see {@link Faults}). */
    public Fault injectFault(Fault.Spec spec) {
        return faults.add(spec, services.clock().instant());
    }

    public Services services() {
        return services;
    }

    /** The fake Stripe's charges, for Java callers that pay as a person would (3D Secure, Checkout). */
    public PaymentIntents paymentIntents() {
        return capabilities.paymentIntents();
    }

    /** The faults injected into API requests (see the control API's {@code /faults}). */
    public Faults faults() {
        return faults;
    }

    /** The last API requests and answers (see the control API's {@code /journal}). */
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
