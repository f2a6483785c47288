package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.modelslabtwin.emulator.auth.AuthEmails.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Login and verification hand out the account's API key for the generation APIs, as documented. */
class ApiKeyTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static String apiKeyOfLogin(String email, String password) {
        TestHttp.Answer login = AuthEmails.login(emu, email, password);
        assertEquals(200, login.status(), login.body());
        return login.json().path("data").path("api_key").asText(null);
    }

    @Test
    void theSeededDefaultAccountsLoginCarriesAnApiKey() {
        String apiKey = apiKeyOfLogin("agent@example.com", "password");

        assertFalse(apiKey == null || apiKey.isBlank());
    }

    @Test
    void theApiKeyIsTheSameOnEveryLogin() {
        assertEquals(apiKeyOfLogin("agent@example.com", "password"), apiKeyOfLogin("agent@example.com", "password"));
    }

    @Test
    void aSignedUpAccountGetsItsKeyWithVerificationAndTheSameOneAtLogin() {
        String email = AuthEmails.signUp(emu, "api-key");

        TestHttp.Answer verified = emu.as(null).post("/auth/verify-email",
                "{\"verification_code\": \"" + emu.mailTo(email).verificationCode() + "\"}");

        String apiKey = verified.json().path("data").path("api_key").asText(null);
        assertFalse(apiKey == null || apiKey.isBlank(), verified.body());
        assertEquals(apiKey, apiKeyOfLogin(email, PASSWORD));
    }

    @Test
    void aSeedFileMaySetTheApiKey() {
        emu.controlPost("/seed", "{\"accounts\": [{\"email\": \"keyed@example.com\", \"password\": \"keyed-pass1\", "
                + "\"api_key\": \"seeded_api_key_0123456789\"}]}");

        assertEquals("seeded_api_key_0123456789", apiKeyOfLogin("keyed@example.com", "keyed-pass1"));
    }
}
