package dev.modelslabtwin.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code --training-run}: starts an emulator on a free port, sends it one of each common request
 * (reads, a card top-up, the control API, the contract) and stops. The launcher runs it once under
 * {@code -XX:ArchiveClassesAtExit} so that the JVM records every class a request needs in a
 * class-data-sharing archive, which later starts load from instead of from the jars.
 */
final class TrainingRun {

    static final String FLAG = "--training-run";

    private TrainingRun() {
    }

    static void run() throws IOException, InterruptedException {
        try (Emulator emulator = Emulator.start(Emulator.Options.forTests().withRateLimits(false))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String token = "Bearer " + emulator.defaultToken();
            for (int round = 0; round < 3; round++) {
                send(http, HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/wallet/balance")).header("Authorization", token));
                send(http, HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/wallet/transactions?limit=50"))
                        .header("Authorization", token));
                send(http, HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/wallet/fund")).header("Authorization", token)
                        .header("Content-Type", "application/json").header("Idempotency-Key", "training-" + round)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 10.00}")));
                send(http, HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/wallet/fund")).header("Authorization", token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 1}")));
                send(http, HttpRequest.newBuilder(URI.create(emulator.controlUrl() + "/health")));
                send(http, HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/subscriptions/plans")).header("Authorization", token));
            }
        }
    }

    private static void send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
