package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the documentation gives a message's words, the emulator answers with those words. */
class DocumentedMessagesTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    @Test
    void refreshingAnswersTheDocumentedMessage() {
        TestHttp.Answer refreshed = emu.as(emu.newAccount().token()).post("/auth/refresh", "{}");

        assertEquals("Token refreshed successfully. Previous token has been revoked.",
                refreshed.json().path("data").path("message").asText());
    }

    @Test
    void aMissingScopeAnswersTheDocumentedMessage() {
        String narrow = emu.newAccount(BigDecimal.ZERO, Set.of("models:read")).token();

        TestHttp.Answer refused = emu.as(narrow).get("/wallet/balance");

        assertEquals("This token does not have the required scope: wallet:read.", refused.json().path("error").path("message").asText());
    }

    @Test
    void verifyingAnswersTheDocumentedMessage() {
        String email = AuthEmails.signUp(emu, "message");

        TestHttp.Answer verified = emu.as(null).post("/auth/verify-email",
                "{\"verification_code\": \"" + emu.mailTo(email).verificationCode() + "\"}");

        assertEquals("Email verified successfully.", verified.json().path("data").path("message").asText());
    }

    @Test
    void anUnauthenticatedCallAnswersSanctumsMessage() {
        assertEquals("Unauthenticated.", emu.as(null).get("/wallet/balance").json().path("error").path("message").asText());
    }
}
