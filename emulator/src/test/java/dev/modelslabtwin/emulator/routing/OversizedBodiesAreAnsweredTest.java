package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client still sending a body too large for the API gets its 413, not a connection closed under it:
 * a body up to a mebibyte is read to its end before the refusal goes out.
 */
class OversizedBodiesAreAnsweredTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aClientStillSendingABodyOverTheLimitReadsItsRefusalEveryTime() throws Exception {
        String body = "{\"amount\": 25, \"padding\": \"" + "x".repeat(RequestBody.MAX_DRAINED_BYTES - 100) + "\"}";

        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> answer = post(body);

            assertEquals(413, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"payload_too_large\""), answer.body());
        }
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emu.emulator().apiUrl() + "/wallet/fund"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + emu.emulator().defaultToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
