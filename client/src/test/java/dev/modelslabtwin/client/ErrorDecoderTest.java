package dev.modelslabtwin.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.client.invoker.ApiException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ErrorDecoderTest {

    private final FakeTime time = new FakeTime();
    private final ErrorDecoder decoder = new ErrorDecoder(new ObjectMapper(), time.clock());

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromTheClock() {
        // FakeTime starts at 2026-02-20T09:00:00Z.
        HttpHeaders headers = headers(Map.of("Retry-After", List.of("Fri, 20 Feb 2026 09:00:12 GMT")));

        assertEquals(Duration.ofSeconds(12), decoder.retryAfter(headers));
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        assertNull(decoder.retryAfter(headers(Map.of("Retry-After", List.of("soon")))));
    }

    @Test
    void requestIdFallsBackToTheResponseHeader() {
        ModelsLabException e = decoder.decodeHttpFailure(500, headers(Map.of("X-Request-Id", List.of("hdr-1"))),
                "{\"message\":\"Server Error\"}", null);

        assertEquals(Optional.of("hdr-1"), e.requestId());
    }

    @Test
    void connectionFailureWithoutAResponseIsANetworkError() {
        ModelsLabException e = decoder.decode("getWalletBalance", new ApiException(new ConnectException("Connection refused")));

        assertEquals(0, e.status());
        assertEquals("network_error", e.code());
    }

    @Test
    void missingRequiredArgumentRefusedByTheGeneratedClientIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> decoder.decode("fundWallet", new ApiException(400, "Missing the required parameter")));
    }
}
