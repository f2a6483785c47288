package dev.modelslabtwin.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs a real client written by others (an npm package, a Python script) as a process of its own, for the
 * tests that hold the twin to them: installs an npm package from a committed lockfile, runs a command with
 * its own environment and a time limit, and hands back its exit code and output (stdout and stderr).
 */
public final class ExternalProgram {

    /** What a run did. */
    public record Run(int exitCode, String output) {

        public String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private ExternalProgram() {
    }

    /**
     * Copies {@code files} from {@code sources} into {@code workDir} and runs {@code npm ci} there (no
     * scripts run, as pinned by the lockfile). {@code what} and {@code skipHint} make a failure say what
     * is needed and how to skip the test instead.
     */
    public static void npmCi(Path sources, Path workDir, List<String> files, String what, String skipHint)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        for (String file : files) {
            Files.copy(sources.resolve(file), workDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        long began = System.nanoTime();
        Run install = run(workDir, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"),
                Map.of(), 300, "Node.js 18+ and npm are needed (" + skipHint + " skips this test)");
        assertEquals(0, install.exitCode(), () -> "npm ci of " + what + " failed (Node.js 18+ and npm are needed; " + skipHint
                + " skips this test):\n" + install.output());
        System.out.printf("[%s] npm ci of %s: %.1f s%n", workDir.getFileName(), what, (System.nanoTime() - began) / 1e9);
    }

    /**
     * Runs {@code command} in {@code workDir} with {@code environment} added to this process's, its
     * standard input closed, stdout and stderr together; fails when it does not finish within
     * {@code timeoutSeconds}, or cannot start ({@code missingHint} says what to install).
     */
    public static Run run(Path workDir, List<String> command, Map<String, String> environment, int timeoutSeconds,
                          String missingHint) throws IOException, InterruptedException {
        Path log = workDir.resolve(Path.of(command.get(0)).getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " could not be started: " + missingHint, e);
        }
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
