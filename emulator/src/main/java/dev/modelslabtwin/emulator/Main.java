package dev.modelslabtwin.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar modelslab-emulator.jar [--host H] [--port P] [--db mem|file:PATH] [--seed FILE]}:
 * starts the emulator and prints what a developer needs to point an agent at it.
 */
public final class Main {

    static final String USAGE = """
            ModelsLab Agents API emulator: an offline twin of https://modelslab.com/api/agents/v1

            usage: java -jar modelslab-emulator.jar [options]

              --host HOST    interface to bind (env MODELSLAB_EMULATOR_HOST, default 127.0.0.1)
              --port PORT    port, 0 for any free one (env MODELSLAB_EMULATOR_PORT, default 8080)
              --db DB        'mem' (default) or 'file:PATH' to keep state across restarts
                             (env MODELSLAB_EMULATOR_DB)
              --seed FILE    JSON or YAML seed file: accounts, tokens, balances, cards, plans, coupons
                             (env MODELSLAB_EMULATOR_SEED; default: the built-in seed)
              --help         this text
            """;

    private static final java.util.Set<String> OPTIONS = java.util.Set.of("--host", "--port", "--db", "--seed");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Emulator.Options options;
        try {
            options = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        Emulator emulator = Emulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println(banner(emulator, options));
        stopped.await();
    }

    /** The options the flags and environment ask for; null when help was asked for. */
    static Emulator.Options parse(String[] args, Map<String, String> env) {
        Emulator.Options defaults = Emulator.Options.defaults();
        String host = env.getOrDefault("MODELSLAB_EMULATOR_HOST", defaults.host());
        String port = env.getOrDefault("MODELSLAB_EMULATOR_PORT", Integer.toString(defaults.port()));
        String db = env.getOrDefault("MODELSLAB_EMULATOR_DB", defaults.database());
        String seed = env.get("MODELSLAB_EMULATOR_SEED");
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
                default -> throw new IllegalStateException("an option without a case: " + name);
            }
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, not " + port);
        }
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
        return new Emulator.Options(host, portNumber, db, seedFile);
    }

    static String banner(Emulator emulator, Emulator.Options options) {
        String token = emulator.defaultToken() == null ? "(the seed defines no token)" : emulator.defaultToken();
        return """

                ModelsLab Agents API emulator is running
                  base URL         %s   (MODELSLAB_BASE_URL)
                  API root         %s
                  documentation    %s
                  bearer token     %s   (MODELSLAB_TOKEN, default account)
                  Stripe key       %s
                  database         %s

                  try: curl -H "Authorization: Bearer %s" %s/wallet/balance
                """.formatted(emulator.baseUrl(), emulator.apiUrl(), emulator.docsUrl(), token,
                Emulator.PUBLISHABLE_KEY, options.database(), token, emulator.apiUrl());
    }
}
