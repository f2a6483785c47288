package dev.modelslabtwin.emulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container image definition cannot be built here (no Docker engine), so what can drift from the
 * code is checked: it runs what the build makes, on a JRE 17, checks health through the control API,
 * and exposes the port the emulator listens on.
 */
class DockerfileTest {

    private final List<String> dockerfile = read();

    @Test
    void itRunsTheBuiltJarAndItsLibrariesOnAJava17Jre() {
        assertTrue(line("FROM eclipse-temurin:17-jre"), "a JDK 17 JRE base image");
        assertTrue(line("COPY emulator/target/lib/ lib/"));
        assertTrue(line("COPY emulator/target/modelslab-emulator.jar modelslab-emulator.jar"));
        assertTrue(dockerfile.stream().anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("modelslab-emulator.jar")));
    }

    @Test
    void itsHealthCheckAsksTheControlApi() {
        assertTrue(dockerfile.stream().anyMatch(l -> l.contains("HEALTHCHECK")));
        assertTrue(dockerfile.stream().anyMatch(l -> l.contains(HealthCheck.class.getName())),
                "the health check runs " + HealthCheck.class.getName() + ", which asks " + HealthCheck.PATH);
    }

    @Test
    void itListensOnEveryInterfaceOfTheContainerOnTheExposedPort() {
        assertTrue(line("EXPOSE " + Emulator.Options.defaults().port()));
        assertTrue(dockerfile.stream().anyMatch(l -> l.contains("MODELSLAB_EMULATOR_HOST=0.0.0.0")));
    }

    private boolean line(String expected) {
        return dockerfile.stream().anyMatch(l -> l.trim().equals(expected));
    }

    private static List<String> read() {
        try {
            return Files.readAllLines(Path.of("..", "Dockerfile"));
        } catch (IOException e) {
            throw new AssertionError("no Dockerfile at the repository root", e);
        }
    }
}
