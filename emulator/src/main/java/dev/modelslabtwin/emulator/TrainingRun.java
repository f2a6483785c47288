package dev.modelslabtwin.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code --training-run}: starts an emulator on a free port, sends it one of each common request
 * (reads, a card top-up, the control API, the contract, an MCP tool call) and stops. The launcher runs it once under
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
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 10.00, \"payment_method_id\": \"pm_card_visa\"}")));
                send(http, HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/wallet/fund")).header("Authorization", token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 10.00}")));
                send(http, HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/wallet/fund")).header("Authorization", token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 1}")));
                send(http, HttpRequest.newBuilder(URI.create(emulator.controlUrl() + "/health")));
                send(http, HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/subscriptions/plans")).header("Authorization", token));
                mcpCall(http, emulator, token);
            }
        }
    }

    /** An MCP session on /mcp/agents: initialize, then one tool call (which is a REST request in-process). */
    private static void mcpCall(HttpClient http, Emulator emulator, String token) throws IOException, InterruptedException {
        HttpResponse<Void> initialized = http.send(mcp(emulator, token, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", "
                + "\"params\": {\"protocolVersion\": \"2025-11-25\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"training\", "
                + "\"version\": \"1\"}}}").build(), HttpResponse.BodyHandlers.discarding());
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElse("");
        send(http, mcp(emulator, token, "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/call\", \"params\": "
                + "{\"name\": \"agent-wallet\", \"arguments\": {\"action\": \"balance\"}}}").header("Mcp-Session-Id", session));
    }

    private static HttpRequest.Builder mcp(Emulator emulator, String token, String message) {
        return HttpRequest.newBuilder(URI.create(emulator.mcpUrl())).header("Authorization", token)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(message));
    }

    private static void send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
