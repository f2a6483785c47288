package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.mcp.AgentTools;
import dev.modelslabtwin.emulator.mcp.ToolCatalogue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

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

    @Test
    void theMcpToolTableListsWhatTheCatalogueOffers() {
        for (ToolCatalogue.CatalogueTool tool : ToolCatalogue.fromBundledContract().tools()) {
            String row = "| `" + tool.name() + "` | " + String.join(", ", tool.actions().keySet()) + " | "
                    + tool.notLive().stream().map(AgentTools.Action::name).collect(Collectors.joining(", "))
                    + (tool.notLive().isEmpty() ? "|" : " |");
            assertTrue(readme.contains(row + "\n"), "README.md's MCP table must have the row " + row);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
