package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/**
 * Whose requests share a window: the live API keys {@code agent-auth} by IP and email and the other
 * limiters by IP and user. The bearer token stands in for the user here, so two agents of the same
 * account with different tokens are counted apart (a documented difference: tokens of one user share
 * one window on the live API).
 */
final class ThrottleKey {

    private ThrottleKey() {
    }

    static String of(ContractOperations.Facts facts, Context http, String body) {
        String ip = http.ip();
        if ("agent-auth".equals(facts.limiter())) {
            return ip + "|" + emailIn(body);
        }
        String authorization = http.header("Authorization");
        return ip + "|" + (authorization == null ? "" : authorization.trim());
    }

    private static String emailIn(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode email = Json.MAPPER.readTree(body).path("email");
            return email.isTextual() ? email.asText().trim().toLowerCase(java.util.Locale.ROOT) : "";
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            // Validation reports the malformed body; throttling only needs a key.
            return "";
        }
    }
}
