package dev.modelslabtwin.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void withoutFlagsItServesAnInMemoryDatabaseOnLoopbackPort8080WithTheControlApiOnLoopbackOnly() {
        Emulator.Options options = Main.parse(new String[0], Map.of());

        assertEquals(new Emulator.Options("127.0.0.1", 8080, "mem", null, null, Emulator.DEFAULT_JOURNAL_SIZE, true, true,
                true), options);
    }

    @Test
    void flagsWinOverTheEnvironment(@TempDir Path dir) throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.json"), "{}");
        Map<String, String> env = Map.of("MODELSLAB_EMULATOR_PORT", "9000", "MODELSLAB_EMULATOR_HOST", "0.0.0.0");

        Emulator.Options options = Main.parse(new String[] {"--port", "9100", "--db=file:" + dir.resolve("twin"),
                "--seed", seed.toString()}, env);

        assertEquals(new Emulator.Options("0.0.0.0", 9100, "file:" + dir.resolve("twin"), seed, null,
                Emulator.DEFAULT_JOURNAL_SIZE, true, true, true), options);
    }

    @Test
    void theEnvironmentConfiguresWhatNoFlagSays() {
        Emulator.Options options = Main.parse(new String[0], Map.of("MODELSLAB_EMULATOR_PORT", "0",
                "MODELSLAB_EMULATOR_DB", "file:/tmp/twin"));

        assertEquals(0, options.port());
        assertEquals("file:/tmp/twin", options.database());
    }

    @Test
    void rateLimitsCanBeTurnedOffForLoadTests() {
        assertFalse(Main.parse(new String[] {"--rate-limits", "off"}, Map.of()).rateLimits());
        assertFalse(Main.parse(new String[0], Map.of("MODELSLAB_EMULATOR_RATE_LIMITS", "off")).rateLimits());
        assertTrue(Main.parse(new String[0], Map.of()).rateLimits());
    }

    @Test
    void responseValidationIsOnUnlessTurnedOff() {
        assertFalse(Main.parse(new String[] {"--response-validation", "off"}, Map.of()).responseValidation());
        assertFalse(Main.parse(new String[0], Map.of("MODELSLAB_EMULATOR_RESPONSE_VALIDATION", "off")).responseValidation());
        assertTrue(Main.parse(new String[0], Map.of()).responseValidation());
    }

    @Test
    void helpAsksForUsageInsteadOfOptions() {
        assertNull(Main.parse(new String[] {"--help"}, Map.of()));
        assertNull(Main.parse(new String[] {"--port", "9000", "-h"}, Map.of()));
    }

    @Test
    void theHelpTextExplainsEveryOptionAndItsEnvironmentVariable() {
        for (String option : Main.OPTIONS) {
            assertTrue(Main.USAGE.contains("  " + option + " "), "--help does not explain " + option);
            String variable = "MODELSLAB_EMULATOR_" + option.substring(2).replace('-', '_').toUpperCase();
            assertTrue(Main.USAGE.contains(variable), "--help does not name " + variable);
        }
    }

    @Test
    void theAdminTokenJournalSizeAndRequestLogComeFromFlagsOrTheEnvironment() {
        Emulator.Options fromFlags = Main.parse(new String[] {"--admin-token", "ci-admin-secret", "--journal-size=50",
                "--request-log", "off"}, Map.of());
        Emulator.Options fromEnvironment = Main.parse(new String[0], Map.of("MODELSLAB_EMULATOR_ADMIN_TOKEN", "env-admin-secret",
                "MODELSLAB_EMULATOR_JOURNAL_SIZE", "0", "MODELSLAB_EMULATOR_REQUEST_LOG", "off"));

        assertEquals("ci-admin-secret", fromFlags.adminToken());
        assertEquals(50, fromFlags.journalSize());
        assertFalse(fromFlags.requestLog());
        assertEquals("env-admin-secret", fromEnvironment.adminToken());
        assertEquals(0, fromEnvironment.journalSize());
        assertFalse(fromEnvironment.requestLog());
    }

    @Test
    void badControlFlagsAreExplained() {
        assertTrue(message(() -> Main.parse(new String[] {"--admin-token", "short"}, Map.of())).contains("at least 8"));
        assertTrue(message(() -> Main.parse(new String[] {"--journal-size", "-1"}, Map.of())).contains("0 or more"));
        assertTrue(message(() -> Main.parse(new String[] {"--journal-size", "many"}, Map.of())).contains("must be a number"));
        assertTrue(message(() -> Main.parse(new String[] {"--request-log", "loud"}, Map.of())).contains("on or off"));
    }

    @Test
    void aSeedFileThatCannotBeAppliedStopsTheStartWithWhatIsWrong(@TempDir Path dir) throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.yaml"), "accounts:\n  - email: a@example.com\n    payment_methods: [pm_card_nope]\n");

        String message = message(() -> Emulator.start(Emulator.Options.forTests().withSeedFile(seed)));

        assertTrue(message.contains("accounts.0.payment_methods.0"), message);
        assertTrue(message.contains("pm_card_nope"), message);
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
            assertTrue(banner.contains(emulator.mcpUrl()), "the MCP endpoint, " + emulator.mcpUrl());
            assertTrue(banner.contains(emulator.defaultToken()));
            assertTrue(banner.contains(Emulator.PUBLISHABLE_KEY));
            assertTrue(banner.contains(emulator.controlUrl() + "   (loopback callers only"));
            assertTrue(banner.contains("curl -H \"Authorization: Bearer " + emulator.defaultToken() + "\" "
                    + emulator.apiUrl() + "/wallet/balance"));
        }
    }

    private static String message(Runnable parse) {
        return assertThrows(IllegalArgumentException.class, parse::run).getMessage();
    }
}
