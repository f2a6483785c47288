package dev.modelslabtwin.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void withoutFlagsItServesAnInMemoryDatabaseOnLoopbackPort8080() {
        Emulator.Options options = Main.parse(new String[0], Map.of());

        assertEquals(new Emulator.Options("127.0.0.1", 8080, "mem", null), options);
    }

    @Test
    void flagsWinOverTheEnvironment(@TempDir Path dir) throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.json"), "{}");
        Map<String, String> env = Map.of("MODELSLAB_EMULATOR_PORT", "9000", "MODELSLAB_EMULATOR_HOST", "0.0.0.0");

        Emulator.Options options = Main.parse(new String[] {"--port", "9100", "--db=file:" + dir.resolve("twin"),
                "--seed", seed.toString()}, env);

        assertEquals(new Emulator.Options("0.0.0.0", 9100, "file:" + dir.resolve("twin"), seed), options);
    }

    @Test
    void theEnvironmentConfiguresWhatNoFlagSays() {
        Emulator.Options options = Main.parse(new String[0], Map.of("MODELSLAB_EMULATOR_PORT", "0",
                "MODELSLAB_EMULATOR_DB", "file:/tmp/twin"));

        assertEquals(0, options.port());
        assertEquals("file:/tmp/twin", options.database());
    }

    @Test
    void helpAsksForUsageInsteadOfOptions() {
        assertNull(Main.parse(new String[] {"--help"}, Map.of()));
    }

    @Test
    void badFlagsAreExplained() {
        assertTrue(message(() -> Main.parse(new String[] {"--port", "http"}, Map.of())).contains("port must be a number"));
        assertTrue(message(() -> Main.parse(new String[] {"--port", "70000"}, Map.of())).contains("between 0 and 65535"));
        assertTrue(message(() -> Main.parse(new String[] {"--db", "postgres"}, Map.of())).contains("'mem' or 'file:PATH'"));
        assertTrue(message(() -> Main.parse(new String[] {"--seed", "/no/such/seed.json"}, Map.of())).contains("does not exist"));
        assertTrue(message(() -> Main.parse(new String[] {"--verbose"}, Map.of())).contains("unknown option --verbose"));
        assertTrue(message(() -> Main.parse(new String[] {"--port"}, Map.of())).contains("needs a value"));
    }

    @Test
    void theBannerGivesEverythingNeededToPointAnAgentAtTheEmulator() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests())) {
            String banner = Main.banner(emulator, Emulator.Options.forTests());

            assertTrue(banner.contains(emulator.baseUrl()));
            assertTrue(banner.contains(emulator.docsUrl()));
            assertTrue(banner.contains(emulator.defaultToken()));
            assertTrue(banner.contains(Emulator.PUBLISHABLE_KEY));
            assertTrue(banner.contains("curl -H \"Authorization: Bearer " + emulator.defaultToken() + "\" "
                    + emulator.apiUrl() + "/wallet/balance"));
        }
    }

    private static String message(Runnable parse) {
        return assertThrows(IllegalArgumentException.class, parse::run).getMessage();
    }
}
