package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.util.Locale;

/**
 * Whose requests share a window: as the contract's {@code x-rate-limiters} say, by IP and email (the
 * auth limiter) or by IP and user. The bearer token stands in for the user here, so two agents of the same
 * account with different tokens are counted apart (a documented difference: tokens of one user share
 * one window on the live API).
 */
final class ThrottleKey {

    private ThrottleKey() {
    }

    static String of(ContractOperations.Facts facts, Context http, JsonNode body) {
        String ip = http.ip();
        if (facts.limiterKeyedByEmail()) {
            JsonNode email = body == null ? null : body.get("email");
            return ip + "|" + (email != null && email.isTextual() ? email.asText().trim().toLowerCase(Locale.ROOT) : "");
        }
        return ofCaller(http);
    }

    /** By IP and user (the bearer token standing in for the user). */
    static String ofCaller(Context http) {
        String authorization = http.header("Authorization");
        return http.ip() + "|" + (authorization == null ? "" : authorization.trim());
    }
}
