package dev.modelslabtwin.emulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the README quotes from the code is the code, character for character, so it cannot go stale. */
class ReadmeMatchesTheCodeTest {

    private final String readme = read(Path.of("..", "README.md"));

    @Test
    void theJUnitExampleIsTheTestThisBuildRuns() {
        String example = read(Path.of("src", "test", "java", "com", "example", "agent", "AgentWalletTest.java"));

        assertTrue(readme.contains("```java\n" + example + "```\n"),
                "README.md must show src/test/java/com/example/agent/AgentWalletTest.java verbatim in a java block");
    }

    @Test
    void theHelpOutputIsWhatTheJarPrints() {
        assertTrue(readme.contains("```text\n" + Main.USAGE + "```\n"), "README.md must show Main.USAGE verbatim");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
