package dev.modelslabtwin.emulator.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.modelslabtwin.emulator.ContractExamples;
import dev.modelslabtwin.emulator.routing.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTTP client shared by many threads (the JDK's, pooling keep-alive connections), for tests that
 * send thousands of requests: answers are kept raw and read as JSON on demand.
 */
final class LoadClient {

    /** An answer: status, headers and body. */
    record Reply(int status, Map<String, List<String>> headers, String body) {

        /** The body as JSON, or a missing node when it is not JSON. */
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException | RuntimeException notJson) {
                return MissingNode.getInstance();
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }

        /** {@code error.code} of the envelope, or null. */
        String errorCode() {
            JsonNode code = json().path("error").path("code");
            return code.isTextual() ? code.asText() : null;
        }

        JsonNode data() {
            return json().path("data");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    /** {@code baseUrl}: the host root, e.g. {@code http://127.0.0.1:8080}. */
    LoadClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A request to {@code path} (from the host root) with {@code headers} as name, value, name, value... */
    Reply send(String method, String path, String body, String... headers) {
        try {
            return attempt(method, path, body, headers);
        } catch (IOException e) {
            throw new AssertionError("no answer to " + method + " " + path + ": " + e, e);
        }
    }

    /** As {@link #send}, for a server that may die meanwhile: no answer is an IOException. */
    Reply attempt(String method, String path, String body, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null && !hasHeader(headers, "Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** An API request ({@code /api/agents/v1} + {@code apiPath}, or the site root's, see {@link ContractExamples#fromRoot}) with a bearer token. */
    Reply api(String method, String apiPath, String token, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, ContractExamples.fromRoot(apiPath), body, all);
    }

    /** A control API request ({@code /_emulator} + {@code path}). */
    Reply control(String method, String path, String body) {
        return send(method, "/_emulator" + path, body);
    }

    private static boolean hasHeader(String[] headers, String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
