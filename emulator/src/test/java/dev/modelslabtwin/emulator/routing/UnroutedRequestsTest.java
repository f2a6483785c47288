package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests no operation answers: 404 route_not_found or 405 method_not_allowed, with the rate-limit headers. */
class UnroutedRequestsTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static TestHttp.Answer send(String method, String path) {
        return emu.as(null).sendToRoot(method, path, null, Map.of("Authorization", "Bearer " + emu.emulator().defaultToken()));
    }

    @Test
    void anUnknownPathOfTheApiIsRouteNotFoundWithTheRateLimitHeaders() {
        TestHttp.Answer answer = send("GET", "/api/agents/v1/wallet/nothing-here");

        assertEquals(404, answer.status());
        assertEquals("route_not_found", answer.json().path("error").path("code").asText());
        assertEquals("The route api/agents/v1/wallet/nothing-here could not be found.", answer.json().path("error").path("message").asText());
        assertNotNull(answer.header("X-RateLimit-Remaining"));
        assertNotNull(answer.header("X-RateLimit-Reset"));
    }

    @Test
    void aKnownPathWithAnotherMethodIsMethodNotAllowedNamingTheMethodsItTakes() {
        TestHttp.Answer answer = send("DELETE", "/api/agents/v1/wallet/balance");

        assertEquals(405, answer.status(), answer.body());
        assertEquals("method_not_allowed", answer.json().path("error").path("code").asText());
        assertEquals("GET, HEAD", answer.header("Allow"));
        assertNotNull(answer.header("X-RateLimit-Remaining"));
    }

    @Test
    void aPathWithTwoOperationsAllowsBoth() {
        TestHttp.Answer answer = send("POST", "/api/agents/v1/wallet/auto-funding");

        assertEquals(405, answer.status());
        assertEquals("DELETE, PUT", answer.header("Allow"));
    }

    @Test
    void theSiteRootVerificationRouteAllowsOnlyGet() {
        TestHttp.Answer answer = send("POST", "/verify/some-code");

        assertEquals(405, answer.status());
        assertEquals("GET, HEAD", answer.header("Allow"));
    }

    @Test
    void aHeadIsTheGetWithoutItsBodyAuthenticatedAlike() {
        TestHttp.Answer withToken = send("HEAD", "/api/agents/v1/wallet/balance");
        TestHttp.Answer withoutToken = emu.as(null).sendToRoot("HEAD", "/api/agents/v1/wallet/balance", null, Map.of());

        assertEquals(200, withToken.status());
        assertTrue(withToken.body().isEmpty());
        assertNotNull(withToken.header("X-RateLimit-Remaining"));
        assertEquals(401, withoutToken.status());
    }

    @Test
    void theRemovedLegacyAgentRoutesAnswerRouteNotFound() {
        TestHttp.Answer answer = emu.as(null).sendToRoot("POST", "/api/v6/ai_agent/create", "{}", Map.of());

        assertEquals(404, answer.status());
        assertEquals("route_not_found", answer.json().path("error").path("code").asText());
    }

    @Test
    void unroutedRequestsAreCountedByTheContractsUnroutedLimiter() {
        try (Emulator live = Emulator.start(Emulator.Options.forTests())) {
            TestHttp http = new TestHttp(live.baseUrl(), null);
            int limit = ContractOperations.rateLimits().get(ContractOperations.unroutedLimiter());

            TestHttp.Answer first = http.sendToRoot("GET", "/api/agents/v1/nowhere", null, Map.of());
            TestHttp.Answer second = http.sendToRoot("PUT", "/api/agents/v1/wallet/balance", null, Map.of());

            assertEquals(Integer.toString(limit), first.header("X-RateLimit-Limit"));
            assertEquals(Integer.toString(limit - 1), first.header("X-RateLimit-Remaining"));
            assertEquals(Integer.toString(limit - 2), second.header("X-RateLimit-Remaining"));
        }
    }
}
