package dev.modelslabtwin.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal JSON client for the emulator's own tests (the conformance suite uses Rest-Assured). */
public final class TestHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;
    private final boolean contractChecked;

    /** An answer: status, headers (first value of each) and the body as text and as JSON. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    public TestHttp(String baseUrl) {
        this(baseUrl, "test-token");
    }

    /** Sends {@code Authorization: Bearer token} on get, post, put and delete (none when token is null). */
    public TestHttp(String baseUrl, String token) {
        this(baseUrl, token, false);
    }

    private TestHttp(String baseUrl, String token, boolean contractChecked) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.contractChecked = contractChecked;
    }

    /**
     * The same client, failing the test on any answer that breaks the contract (status not declared
     * for the operation, body off its schema, a required header missing).
     */
    public TestHttp contractChecked() {
        return new TestHttp(baseUrl, token, true);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The same client with another bearer token. */
    public TestHttp as(String otherToken) {
        return new TestHttp(baseUrl, otherToken, contractChecked);
    }

    public Answer send(String method, String apiPath, String body, Map<String, String> headers) {
        Answer answer = sendToRoot(method, ContractExamples.fromRoot(apiPath), body, headers);
        if (contractChecked) {
            String pathOnly = apiPath.contains("?") ? apiPath.substring(0, apiPath.indexOf('?')) : apiPath;
            var violations = ContractResponseValidator.violations(method, pathOnly, answer);
            if (!violations.isEmpty()) {
                throw new AssertionError(method + " " + apiPath + " answered " + answer.status()
                        + " outside the contract: " + violations + "\n" + answer.body());
            }
        }
        return answer;
    }

    /** A request to any path of the emulator (pages, control API), not only the API's. */
    public Answer sendToRoot(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> first = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> first.put(name, values.get(0)));
            return new Answer(response.statusCode(), first, response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Answer get(String apiPath) {
        return send("GET", apiPath, null, auth());
    }

    public Answer post(String apiPath, String body) {
        return send("POST", apiPath, body, auth());
    }

    /** A POST with an {@code Idempotency-Key}. */
    public Answer post(String apiPath, String body, String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>(auth());
        headers.put("Idempotency-Key", idempotencyKey);
        return send("POST", apiPath, body, headers);
    }

    public Answer put(String apiPath, String body) {
        return send("PUT", apiPath, body, auth());
    }

    public Answer delete(String apiPath) {
        return send("DELETE", apiPath, null, auth());
    }

    private Map<String, String> auth() {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }
}
