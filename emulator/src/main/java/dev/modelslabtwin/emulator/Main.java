package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.mcp.McpCaller;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar modelslab-emulator.jar [options]}: starts the emulator and prints what a developer
 * needs to point an agent at it. Every flag has an environment variable, for containers.
 */
public final class Main {

    static final String USAGE = """
            ModelsLab Agents API emulator: an offline twin of https://modelslab.com/api/agents/v1
            (billing, wallet, subscriptions, auth), with a fake Stripe and a control API for tests.

            usage: java -jar modelslab-emulator.jar [options]

            options (each also read from the environment variable shown; a flag wins):
              --host HOST          interface to bind; 0.0.0.0 for every interface
                                   (MODELSLAB_EMULATOR_HOST, default 127.0.0.1)
              --port PORT          port, 0 for any free one (MODELSLAB_EMULATOR_PORT, default 8080)
              --db DB              'mem' (default): state lives as long as the process;
                                   'file:PATH': an H2 file database kept across restarts
                                   (MODELSLAB_EMULATOR_DB)
              --seed FILE          JSON or YAML seed file: accounts (balance, cards, tokens, reseller
                                   flag), plans and coupons (MODELSLAB_EMULATOR_SEED; default: the
                                   built-in seed, whose first account's token the banner prints)
              --admin-token TOKEN  opens the control API (/_emulator) to callers that are not on
                                   loopback and send 'Authorization: Bearer TOKEN'; without it only
                                   loopback callers may use it (MODELSLAB_EMULATOR_ADMIN_TOKEN)
              --journal-size N     API requests the request journal keeps, 0 to keep none
                                   (MODELSLAB_EMULATOR_JOURNAL_SIZE, default 1000)
              --request-log on|off one log line per request on stderr: method, path, status,
                                   duration, request id (MODELSLAB_EMULATOR_REQUEST_LOG, default on)
              --rate-limits on|off the live API's rate limits (the contract's x-rate-limiters);
                                   off for load tests and benchmarks: nothing is throttled, the
                                   X-RateLimit headers still come (MODELSLAB_EMULATOR_RATE_LIMITS,
                                   default on)
              --response-validation on|off
                                   every answer checked against the contract before it leaves;
                                   one that breaks it goes out marked X-Emulator-Contract-Violation
                                   and is logged (MODELSLAB_EMULATOR_RESPONSE_VALIDATION, default on)
              --mcp-stdio          also serve the Agent Control Plane MCP server on standard input
                                   and output, for a desktop agent that launches the emulator as
                                   a local MCP server (the banner and logs go to standard error;
                                   the port is any free one unless given; tool calls carry the
                                   token in MODELSLAB_AGENT_TOKEN or MODELSLAB_TOKEN, else the
                                   default account's); stops when standard input ends
              -h, --help           this text
              --training-run       start, serve one of each common request, stop: what
                                   ./emulator.sh runs once to record a class-data-sharing archive

            once running:
              API               http://HOST:PORT/api/agents/v1   (MODELSLAB_BASE_URL=http://HOST:PORT)
              documentation     http://HOST:PORT/docs/  (contract: /openapi.yaml, /openapi.json)
              MCP endpoint      http://HOST:PORT/mcp/agents  (Streamable HTTP; Authorization: Bearer
                                or X-Agent-Token, as https://modelslab.com/mcp/agents)
              control API       http://HOST:PORT/_emulator/  (reset, seed, clock, faults, journal, ...;
                                its own contract and docs: /_emulator/openapi.yaml, /_emulator/docs)
              health            http://HOST:PORT/_emulator/health

            examples:
              java -jar modelslab-emulator.jar --port 0 --seed ci-seed.yaml
              MODELSLAB_EMULATOR_HOST=0.0.0.0 MODELSLAB_EMULATOR_ADMIN_TOKEN=s3cret java -jar modelslab-emulator.jar
            """;

    static final Set<String> OPTIONS = Set.of("--host", "--port", "--db", "--seed", "--admin-token",
            "--journal-size", "--request-log", "--rate-limits", "--response-validation");
    /** Serve the MCP server on standard input and output too (see {@link #serveMcpOverStdio}). */
    static final String MCP_STDIO = "--mcp-stdio";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(TrainingRun.FLAG)) {
            TrainingRun.run();
            System.exit(0);
        }
        List<String> rest = new ArrayList<>(List.of(args));
        boolean stdio = rest.remove(MCP_STDIO);
        // Standard output is the MCP channel: anything else printed there would break the protocol.
        PrintStream out = System.out;
        if (stdio) {
            System.setOut(System.err);
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        if (stdio) {
            // Launched by a desktop agent, perhaps twice: a fixed port could be taken.
            env.putIfAbsent("MODELSLAB_EMULATOR_PORT", "0");
        }
        Emulator.Options options;
        Emulator emulator;
        try {
            options = parse(rest.toArray(String[]::new), env);
            if (options == null) {
                System.out.print(USAGE);
                return;
            }
            emulator = Emulator.start(options);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println(banner(emulator, options));
        if (stdio) {
            serveMcpOverStdio(emulator, out, env);
            System.exit(0);
        }
        stopped.await();
    }

    /**
     * The stdio MCP server ({@code agent-control-plane}) on this process's standard input and output,
     * until standard input ends. No connection carries a header here, so the calls carry the token the
     * environment names, as the official CLI reads it, or the default account's.
     */
    private static void serveMcpOverStdio(Emulator emulator, PrintStream out, Map<String, String> env)
            throws InterruptedException {
        String token = env.getOrDefault("MODELSLAB_AGENT_TOKEN", "");
        if (token.isBlank()) {
            token = env.getOrDefault("MODELSLAB_TOKEN", "");
        }
        if (token.isBlank()) {
            token = emulator.defaultToken();
        }
        emulator.mcp().serveStdio(System.in, out, McpCaller.local(token, emulator.baseUrl()));
    }

    /** The options the flags and environment ask for; null when help was asked for. */
    static Emulator.Options parse(String[] args, Map<String, String> env) {
        Emulator.Options defaults = Emulator.Options.defaults();
        String host = env.getOrDefault("MODELSLAB_EMULATOR_HOST", defaults.host());
        String port = env.getOrDefault("MODELSLAB_EMULATOR_PORT", Integer.toString(defaults.port()));
        String db = env.getOrDefault("MODELSLAB_EMULATOR_DB", defaults.database());
        String seed = env.get("MODELSLAB_EMULATOR_SEED");
        String adminToken = env.get("MODELSLAB_EMULATOR_ADMIN_TOKEN");
        String journalSize = env.getOrDefault("MODELSLAB_EMULATOR_JOURNAL_SIZE", Integer.toString(defaults.journalSize()));
        String requestLog = env.getOrDefault("MODELSLAB_EMULATOR_REQUEST_LOG", "on");
        String rateLimits = env.getOrDefault("MODELSLAB_EMULATOR_RATE_LIMITS", "on");
        String responseValidation = env.getOrDefault("MODELSLAB_EMULATOR_RESPONSE_VALIDATION", "on");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--db" -> db = value;
                case "--seed" -> seed = value;
                case "--admin-token" -> adminToken = value;
                case "--journal-size" -> journalSize = value;
                case "--request-log" -> requestLog = value;
                case "--rate-limits" -> rateLimits = value;
                case "--response-validation" -> responseValidation = value;
                default -> throw new IllegalStateException("an option without a case: " + name);
            }
        }
        int portNumber = number("port", port);
        if (portNumber < 0 || portNumber > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (!db.equals("mem") && !db.startsWith("file:") && !db.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("--db must be 'mem' or 'file:PATH', not " + db);
        }
        Path seedFile = seed == null || seed.isBlank() ? null : Path.of(seed);
        if (seedFile != null && !Files.isRegularFile(seedFile)) {
            throw new IllegalArgumentException("seed file " + seed + " does not exist");
        }
        if (adminToken != null && !adminToken.isBlank() && adminToken.strip().length() < 8) {
            throw new IllegalArgumentException("the admin token must be at least 8 characters long");
        }
        int journal = number("journal size", journalSize);
        if (journal < 0) {
            throw new IllegalArgumentException("journal size must be 0 or more, not " + journalSize);
        }
        return new Emulator.Options(host, portNumber, db, seedFile,
                adminToken == null || adminToken.isBlank() ? null : adminToken.strip(), journal,
                onOrOff("--request-log", requestLog), onOrOff("--rate-limits", rateLimits),
                onOrOff("--response-validation", responseValidation));
    }

    private static int number(String what, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not " + text);
        }
    }

    private static boolean onOrOff(String option, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(option + " must be on or off, not " + text);
        };
    }

    static String banner(Emulator emulator, Emulator.Options options) {
        String token = emulator.defaultToken() == null ? "(the seed defines no token)" : emulator.defaultToken();
        String control = options.adminToken() == null ? "loopback callers only" : "loopback, or the admin token from anywhere";
        return """

                ModelsLab Agents API emulator is running
                  base URL         %s   (MODELSLAB_BASE_URL)
                  API root         %s
                  documentation    %s
                  MCP endpoint     %s   (Agent Control Plane; configs in the README)
                  bearer token     %s   (MODELSLAB_TOKEN, default account)
                  Stripe key       %s
                  database         %s
                  rate limits      %s
                  control API      %s   (%s; docs at %s/docs)

                  try: curl -H "Authorization: Bearer %s" %s/wallet/balance
                """.formatted(emulator.baseUrl(), emulator.apiUrl(), emulator.docsUrl(), emulator.mcpUrl(), token,
                Emulator.PUBLISHABLE_KEY, options.database(),
                options.rateLimits() ? "the live API's (--rate-limits off lifts them)" : "off (--rate-limits off)",
                emulator.controlUrl(), control, emulator.controlUrl(),
                token, emulator.apiUrl());
    }
}
