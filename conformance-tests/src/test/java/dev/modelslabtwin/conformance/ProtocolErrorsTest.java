package dev.modelslabtwin.conformance;

import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.ContractIndex;
import dev.modelslabtwin.conformance.support.Exchanges;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no operation of the contract takes — an unknown path, a body, target or headers too large to
 * read — are refused in the API's envelope with the catalogued codes
 * (the error codes the contract marks as the twin's own: a live run says whether the live API agrees).
 * Sent past the contract filter, since they break the contract on purpose; each changes nothing.
 */
@ConformanceCheck
class ProtocolErrorsTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Target target = Target.current();
    private final String token = target.accounts().own().token();

    @Test
    void anUnknownPathIsRouteNotFound() {
        send("GET", "/wallet/no-such-thing", Map.of(), null).expectError(404, "route_not_found");
    }

    @Test
    @Verifies("requests.method-not-allowed")
    void aKnownPathAskedWithAnotherMethodIsMethodNotAllowedNamingTheMethodsItTakes() {
        Answer refused = send("DELETE", "/wallet/balance", Map.of(), null).expectError(405, "method_not_allowed");

        assertTrue(refused.header("Allow") != null && refused.header("Allow").contains("GET"), refused.headers().toString());
        assertNotNull(refused.header("X-RateLimit-Remaining"), refused.headers().toString());
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsPayloadTooLarge() {
        String body = "{\"purpose\": \"fund\", \"amount\": 25, \"padding\": \"" + "x".repeat(70_000) + "\"}";
        send("POST", "/billing/payment-link", Map.of("Content-Type", "application/json"), body).expectError(413, "payload_too_large");
    }

    @Test
    void aRequestTargetOverEightKibibytesIsUriTooLong() {
        send("GET", "/wallet/transactions?type=credit&padding=" + "x".repeat(9_000), Map.of(), null).expectError(414, "uri_too_long");
    }

    @Test
    void headersOverEightKibibytesAreRequestHeadersTooLarge() {
        send("GET", "/wallet/balance", Map.of("X-Padding", "x".repeat(9_000)), null).expectError(431, "request_headers_too_large");
    }

    /** The request as sent, and the answer with what it says recorded for the run's provenance report. */
    private Answer send(String method, String apiPath, Map<String, String> headers, String body) {
        URI uri = URI.create(target.root() + ContractIndex.get().basePath() + apiPath);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> answered = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> answered.put(name, values.get(0)));
            assertNotNull(response.body());
            return new Answer(method + " " + apiPath.replaceAll("(.{60}).+", "$1…"), response.statusCode(), answered,
                    response.body(), Exchanges.global());
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
