package dev.modelslabtwin.emulator.reliability;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./emulator.sh}, the README's first command, starts the packaged emulator with its class-data
 * sharing archive (recording it first when the jar is newer) and the emulator answers the banner's token.
 */
class LauncherIT {

    @Test
    void theLauncherStartsThePackagedEmulatorWithItsClassDataSharingArchive() throws Exception {
        Path log = Files.createTempFile("launcher", ".log");
        Path archive = EmulatorProcess.packagedJar().resolveSibling("modelslab-emulator.jsa");
        long began = System.nanoTime();
        try (EmulatorProcess emulator = EmulatorProcess.startWithLauncher(log, "--request-log", "off")) {
            LoadClient.Reply balance = new LoadClient(emulator.baseUrl()).api("GET", "/wallet/balance", emulator.token(), null);

            Figures.print("launcher", "./emulator.sh answered after %.1f s (archive recorded on the way if missing)",
                    Figures.seconds(began));
            assertEquals(200, balance.status(), balance.body());
            assertTrue(Files.isRegularFile(archive), "the launcher records " + archive + "; its output:\n" + Files.readString(log));
            assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(EmulatorProcess.packagedJar())) >= 0,
                    "the archive is at least as new as the jar it was recorded from");
        }
    }
}
