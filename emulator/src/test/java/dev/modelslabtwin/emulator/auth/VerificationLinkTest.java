package dev.modelslabtwin.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.modelslabtwin.emulator.auth.AuthEmails.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /verify/{token} at the site root: the verification email's link, for a browser and for JSON clients. */
class VerificationLinkTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static TestHttp.Answer follow(String link, Map<String, String> headers) {
        String path = link.substring(emu.emulator().baseUrl().length());
        return emu.as(null).send("GET", path, null, headers);
    }

    private static final Map<String, String> JSON = Map.of("Accept", "application/json");
    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

    @Test
    void theLinkIsAtTheSiteRootOutsideTheApi() {
        String link = emu.mailTo(AuthEmails.signUp(emu, "root")).link();

        assertTrue(link.startsWith(emu.emulator().baseUrl() + "/verify/"), link);
    }

    @Test
    void aBrowserFollowingTheLinkIsRedirectedToThePageSayingTheAddressIsVerified() {
        String email = AuthEmails.signUp(emu, "browser");

        TestHttp.Answer followed = follow(emu.mailTo(email).link(), BROWSER);

        assertEquals(302, followed.status(), followed.body());
        assertEquals(emu.emulator().baseUrl() + "/email/verified", followed.header("Location"));
        assertTrue(followed.body().isEmpty());
        assertEquals(200, AuthEmails.login(emu, email, PASSWORD).status());
        TestHttp.Answer page = emu.as(null).sendToRoot("GET", "/email/verified", null, Map.of());
        assertTrue(page.body().contains("verified"), page.body());
    }

    @Test
    void aClientAskingForJsonGetsTheVerifiedUserAndNoToken() {
        String email = AuthEmails.signUp(emu, "json");

        TestHttp.Answer followed = follow(emu.mailTo(email).link(), JSON);

        assertEquals(200, followed.status(), followed.body());
        JsonNode data = followed.json().path("data");
        assertEquals("Email verified successfully.", data.path("message").asText());
        assertTrue(data.path("user").path("verified").asBoolean());
        assertFalse(data.has("access_token"), data.toString());
    }

    @Test
    void anXmlHttpRequestIsAnsweredInJsonToo() {
        String email = AuthEmails.signUp(emu, "xhr");

        TestHttp.Answer followed = follow(emu.mailTo(email).link(), Map.of("X-Requested-With", "XMLHttpRequest"));

        assertEquals(200, followed.status(), followed.body());
    }

    @Test
    void aUsedLinkSendsABrowserToThePageSayingItDoesNotWork() {
        String link = emu.mailTo(AuthEmails.signUp(emu, "used")).link();
        follow(link, BROWSER);

        TestHttp.Answer again = follow(link, BROWSER);

        assertEquals(302, again.status());
        assertEquals(emu.emulator().baseUrl() + "/email/verification-failed", again.header("Location"));
    }

    @Test
    void aUsedLinkIsNotFoundForAJsonClient() {
        String link = emu.mailTo(AuthEmails.signUp(emu, "used-json")).link();
        follow(link, JSON);

        TestHttp.Answer again = follow(link, JSON);

        assertEquals(404, again.status());
        assertEquals("not_found", again.json().path("error").path("code").asText());
    }

    @Test
    void theLinkAndTheHeadlessCallShareOneCodeThatWorksOnce() {
        String email = AuthEmails.signUp(emu, "shared");
        String code = emu.mailTo(email).verificationCode();
        follow(emu.mailTo(email).link(), JSON);

        TestHttp.Answer headless = emu.as(null).post("/auth/verify-email", "{\"verification_code\": \"" + code + "\"}");

        assertEquals(422, headless.status());
    }

    @Test
    void theLinkIsCountedByTheAuthLimiterAndCarriesItsHeaders() {
        TestHttp.Answer answer = follow(emu.emulator().baseUrl() + "/verify/never-issued-code", JSON);

        assertEquals(404, answer.status());
        assertTrue(answer.header("X-RateLimit-Remaining") != null && answer.header("X-RateLimit-Reset") != null);
    }

    @Test
    void theSameLinkUnderTheApiBaseIsNoRoute() {
        TestHttp.Answer answer = emu.as(null).sendToRoot("GET", "/api/agents/v1/verify/some-code", null, JSON);

        assertEquals(404, answer.status());
        assertEquals("route_not_found", answer.json().path("error").path("code").asText());
    }
}
