package dev.modelslabtwin.emulator;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * {@code java -cp modelslab-emulator.jar dev.modelslabtwin.emulator.HealthCheck [URL]}: exits 0 when the
 * emulator at {@code URL} (default {@code http://127.0.0.1:$MODELSLAB_EMULATOR_PORT}, port 8080) answers
 * its control API's health check, 1 otherwise. The container image's HEALTHCHECK, so the image needs
 * nothing but a JRE (recent JRE base images no longer ship curl).
 */
public final class HealthCheck {

    static final String PATH = "/_emulator/health";

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("MODELSLAB_EMULATOR_PORT", "8080");
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:" + port;
        System.exit(healthy(base) ? 0 : 1);
    }

    /** Whether the emulator at {@code baseUrl} answers 200 on its health check within two seconds. */
    static boolean healthy(String baseUrl) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + PATH).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
