package dev.modelslabtwin.conformance.support;

import dev.modelslabtwin.emulator.Emulator;
import org.junit.jupiter.api.Assumptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The server the suite holds to the contract: by default an emulator it starts itself, in-process on a
 * free port; else whatever {@code conformance.baseUrl} / {@code MODELSLAB_BASE_URL} names. A remote
 * server that answers the emulator's control API on loopback is an emulator too (its money is fake);
 * anything else is treated as the live API, where money is real.
 */
public final class Target {

    public enum Kind {
        IN_PROCESS_EMULATOR("the in-process emulator"),
        REMOTE_EMULATOR("an emulator"),
        LIVE("a live server (real money)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static volatile Target current;

    private final Kind kind;
    private final URI root;
    private final Settings settings;
    private final Emulator emulator;
    private final Api api;
    private final String notReady;

    private Target(Kind kind, URI root, Settings settings, Emulator emulator, Exchanges exchanges, String notReady) {
        this.kind = kind;
        this.root = root;
        this.settings = settings;
        this.emulator = emulator;
        this.notReady = notReady;
        this.api = Api.at(root, settings.hasToken() ? settings.token() : null, exchanges);
    }

    /** The run's target, started or probed on first use. */
    public static Target current() {
        Target target = current;
        if (target == null) {
            synchronized (Target.class) {
                if (current == null) {
                    current = resolve(Settings.fromEnvironment());
                }
                target = current;
            }
        }
        return target;
    }

    /** The run's target if one was started, without starting one. */
    static Optional<Target> started() {
        return Optional.ofNullable(current);
    }

    /** A target at another root with the same kind and settings, recording into {@code exchanges}. */
    public Target elsewhere(URI otherRoot, Exchanges exchanges) {
        return new Target(kind, otherRoot, settings, null, exchanges, notReady);
    }

    private static Target resolve(Settings settings) {
        if (!settings.remote()) {
            Emulator emulator = Emulator.start(Emulator.Options.forTests());
            // Tests make many calls per account: the contract's limits are checked by RateLimitTest alone.
            ContractIndex.get().rateLimits().keySet().forEach(limiter ->
                    emulator.server().rateLimiter().setLimit(limiter, Integer.MAX_VALUE));
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
            return new Target(Kind.IN_PROCESS_EMULATOR, URI.create(emulator.baseUrl()), settings, emulator,
                    Exchanges.global(), null);
        }
        // The live API's host root, from the contract's first server (https://modelslab.com/api/agents/v1).
        URI live = URI.create(ContractIndex.get().document().getServers().get(0).getUrl().replace(ContractIndex.get().basePath(), ""));
        URI root = settings.baseUrl().isEmpty() ? live : URI.create(settings.baseUrl().replaceAll("/+$", ""));
        Kind kind = answersControlApi(root) ? Kind.REMOTE_EMULATOR : Kind.LIVE;
        String notReady = kind == Kind.LIVE && !settings.hasToken()
                ? "the live profile needs credentials: set -Dconformance.token=... (or MODELSLAB_TOKEN) to run it against "
                + root + "; nothing was checked"
                : null;
        return new Target(kind, root, settings, null, Exchanges.global(), notReady);
    }

    private static boolean answersControlApi(URI root) {
        try {
            HttpResponse<String> clock = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(root + "/_emulator/clock")).timeout(Duration.ofSeconds(10))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
            return clock.statusCode() == 200 && Json.parse(clock.body()).path("data").path("now").isTextual();
        } catch (Exception e) {
            return false;
        }
    }

    public Kind kind() {
        return kind;
    }

    public URI root() {
        return root;
    }

    public Settings settings() {
        return settings;
    }

    /** Whether money moved here is fake: an emulator, whose control API can also play the person paying. */
    public boolean isEmulator() {
        return kind != Kind.LIVE;
    }

    public String describe() {
        return kind.label + " at " + root;
    }

    /** Skips the calling test (or class) with the reason when the target cannot be checked at all. */
    public void assumeReady() {
        Assumptions.assumeTrue(notReady == null, () -> "Conformance suite skipped: " + notReady);
    }

    public Optional<String> notReadyReason() {
        return Optional.ofNullable(notReady);
    }

    /**
     * Skips the calling test unless calling operations of this impact is allowed here: always on an
     * emulator; against a live server reads and free changes (throwaway tokens, unpaid links, settings
     * written back as they were) by default, money movement only when the run opted in.
     */
    public void assumeAllowed(Impact impact, String what) {
        if (isEmulator() || impact != Impact.MOVES_MONEY) {
            return;
        }
        Assumptions.assumeTrue(settings.allowMoneyMovement(), () -> what + " " + impact.meaning()
                + ": against a live server it runs only with -Dconformance.allowMoneyMovement=true (see the README for what it costs)");
    }

    /**
     * Skips the calling test unless deliberately broken writes may be sent: always on an emulator; against
     * a live server only with the opt-in, because a server that wrongly accepted one would write the
     * contract's example values into the account's settings.
     */
    public void assumeBrokenWritesAllowed(String what) {
        Assumptions.assumeTrue(isEmulator() || settings.allowAccountChanges(), () -> what + ": deliberately invalid writes "
                + "run against a live server only with -Dconformance.allowAccountChanges=true (a server that wrongly accepted "
                + "one would change the account's settings)");
    }

    /**
     * Skips the calling test unless calls that send email or change a password may be made: always on an
     * emulator (its mailbox keeps the email); against a live server only with
     * {@code -Dconformance.allowAccountChanges=true}, since the account's owner would get real email.
     */
    public void assumeMailAndPasswordCallsAllowed(String what) {
        Assumptions.assumeTrue(isEmulator() || settings.allowAccountChanges(), () -> what + ": calls that send email "
                + "or change a password run against a live server only with -Dconformance.allowAccountChanges=true");
    }

    /** Skips the calling test unless the target is an emulator, saying why a live server cannot do it. */
    public void assumeEmulator(String why) {
        Assumptions.assumeTrue(isEmulator(), () -> "needs an emulator: " + why);
    }

    public Api api() {
        return api;
    }

    /**
     * The target's Agent Control Plane MCP endpoint: {@code -Dconformance.mcpUrl} (or {@code MODELSLAB_MCP_URL}),
     * else {@code /mcp/agents} on the target's host, where the hosted server and the emulator serve it.
     */
    public java.net.URI mcpUrl() {
        return settings.mcpUrl().isEmpty() ? URI.create(root + "/mcp/agents") : URI.create(settings.mcpUrl());
    }

    public ControlApi control() {
        assumeEmulator("the emulator's control API plays the person paying and moves emulated time");
        return new ControlApi(root);
    }

    public Accounts accounts() {
        return new Accounts(this);
    }

    /** The in-process emulator, for the few checks that change its own settings (rate limits). */
    public Optional<Emulator> inProcessEmulator() {
        return Optional.ofNullable(emulator);
    }

    /** Stops the in-process emulator, if this run started one. */
    static void stop() {
        Target target = current;
        if (target != null && target.emulator != null) {
            target.emulator.close();
        }
    }
}
