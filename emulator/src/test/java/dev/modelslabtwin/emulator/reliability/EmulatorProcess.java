package dev.modelslabtwin.emulator.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged emulator ({@code java -jar modelslab-emulator.jar}, its {@code lib/} beside it) run as a
 * process of its own, as users run it: started on a free port, its output kept in a file, killed with
 * SIGKILL ({@link Process#destroyForcibly()}) or stopped with SIGTERM.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final Pattern BASE_URL = Pattern.compile("base URL\\s+(http://\\S+)");
    private static final Pattern BEARER_TOKEN = Pattern.compile("bearer token\\s+(\\S+)");

    /** What the banner says: where the emulator answers and the default account's token. */
    private record Banner(String baseUrl, String token) {
    }

    private final Process process;
    private final Banner banner;

    private EmulatorProcess(Process process, Banner banner) {
        this.process = process;
        this.banner = banner;
    }

    /** The jar the build packaged, as the failsafe configuration names it. */
    static Path packagedJar() {
        String jar = System.getProperty("emulator.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property emulator.jar does not name the packaged jar: " + jar
                    + " (run through mvn verify, after package)");
        }
        return Path.of(jar);
    }

    /** Starts the jar with {@code arguments} (a free port is added) and waits for its banner; output goes to {@code log}. */
    static EmulatorProcess start(Path log, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", packagedJar().toString(), "--port", "0"));
        command.addAll(List.of(arguments));
        return start(log, new ProcessBuilder(command));
    }

    /**
     * Starts the emulator as the README's first command does: {@code ./emulator.sh} at the repository
     * root (beside the emulator module this test runs in), with a free port added to {@code arguments}.
     */
    static EmulatorProcess startWithLauncher(Path log, String... arguments) throws Exception {
        Path launcher = Path.of("").toAbsolutePath().getParent().resolve("emulator.sh");
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString(), "--port", "0"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return start(log, builder);
    }

    private static EmulatorProcess start(Path log, ProcessBuilder command) throws Exception {
        Process process = command.redirectErrorStream(true).start();
        CompletableFuture<Banner> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyOutput(process, log, started), "emulator-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new EmulatorProcess(process, started.get(90, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the emulator did not start; its output:\n" + Files.readString(log), e);
        }
    }

    String baseUrl() {
        return banner.baseUrl();
    }

    /** The default account's bearer token, as the banner prints it. */
    String token() {
        return banner.token();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the emulator's shutdown hook stops it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<Banner> started) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String baseUrl = null;
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                copy.println(line);
                Matcher url = BASE_URL.matcher(line);
                Matcher token = BEARER_TOKEN.matcher(line);
                if (url.find()) {
                    baseUrl = url.group(1);
                } else if (token.find() && baseUrl != null) {
                    started.complete(new Banner(baseUrl, token.group(1)));
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IllegalStateException("the emulator exited before it printed its base URL and token"));
    }
}
