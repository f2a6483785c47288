package dev.modelslabtwin.emulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The container image's health check: the control API's /health, asked by a JRE-only program. */
class HealthCheckTest {

    @Test
    void aRunningEmulatorIsHealthy() {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests())) {
            assertTrue(HealthCheck.healthy(emulator.baseUrl()));
        }
    }

    @Test
    void nothingListeningIsUnhealthy() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertFalse(HealthCheck.healthy("http://127.0.0.1:" + closedPort));
    }
}
