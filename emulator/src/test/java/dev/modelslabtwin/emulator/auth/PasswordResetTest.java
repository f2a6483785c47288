package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.mail.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.modelslabtwin.emulator.auth.AuthEmails.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forgot password, the reset email, reset password: the way back into an account, offline. */
class PasswordResetTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static final String NEW_PASSWORD = "new-secret123";

    private static TestHttp.Answer forgot(String email) {
        return emu.as(null).post("/auth/forgot-password", "{\"email\": \"" + email + "\"}");
    }

    private static TestHttp.Answer reset(String email, String token, String password, String confirmation) {
        return emu.as(null).post("/auth/reset-password", "{\"email\": \"" + email + "\", \"token\": \"" + token
                + "\", \"password\": \"" + password + "\", \"password_confirmation\": \"" + confirmation + "\"}");
    }

    private static String tokenMailedTo(String email) {
        Mailbox.Mail mail = emu.mailTo(email);
        assertEquals("password_reset", mail.kind());
        return mail.resetToken();
    }

    private static void assertInvalidToken(TestHttp.Answer answer) {
        assertEquals(422, answer.status(), answer.body());
        assertEquals("This password reset token is invalid.",
                answer.json().path("error").path("details").path("token").get(0).asText(), answer.body());
    }

    @Test
    void forgotThenResetThenLoginWithTheNewPasswordWorksEntirelyOffline() {
        String email = AuthEmails.verifiedAccount(emu, "reset");
        forgot(email);

        TestHttp.Answer reset = reset(email, tokenMailedTo(email), NEW_PASSWORD, NEW_PASSWORD);

        assertEquals(200, reset.status(), reset.body());
        assertEquals("Your password has been reset.", reset.json().path("data").path("message").asText());
        assertEquals(401, AuthEmails.login(emu, email, PASSWORD).status());
        assertEquals(200, AuthEmails.login(emu, email, NEW_PASSWORD).status());
    }

    @Test
    void theResetEmailCarriesItsTokenAndSaysHowLongItLasts() {
        String email = AuthEmails.verifiedAccount(emu, "mail");
        forgot(email);

        Mailbox.Mail mail = emu.mailTo(email);

        assertEquals("Reset your password", mail.subject());
        assertTrue(mail.resetToken().matches("[0-9a-f]{64}"), mail.resetToken());
        assertTrue(mail.text().contains(mail.resetToken()) && mail.text().contains("60 minutes"), mail.text());
    }

    @Test
    void forgotPasswordAnswersAlikeForAnUnknownAddressAndSendsItNothing() {
        String known = AuthEmails.verifiedAccount(emu, "known");
        String unknown = AuthEmails.freshAddress("unknown");

        TestHttp.Answer toKnown = forgot(known);
        TestHttp.Answer toUnknown = forgot(unknown);

        assertEquals(200, toUnknown.status());
        assertEquals(toKnown.json().path("data"), toUnknown.json().path("data"));
        assertTrue(emu.emulator().latestMail(unknown).isEmpty());
    }

    @Test
    void aResetTokenWorksOnce() {
        String email = AuthEmails.verifiedAccount(emu, "once");
        forgot(email);
        String token = tokenMailedTo(email);
        reset(email, token, NEW_PASSWORD, NEW_PASSWORD);

        assertInvalidToken(reset(email, token, "third-secret1", "third-secret1"));
    }

    @Test
    void aResetTokenExpiresSixtyMinutesOfEmulatedTimeAfterTheEmail() {
        String email = AuthEmails.verifiedAccount(emu, "expiry");
        forgot(email);
        String token = tokenMailedTo(email);

        emu.emulator().advanceClock(Duration.ofMinutes(60));

        assertInvalidToken(reset(email, token, NEW_PASSWORD, NEW_PASSWORD));
        assertEquals(200, AuthEmails.login(emu, email, PASSWORD).status());
    }

    @Test
    void aNewerResetEmailReplacesTheOlderToken() {
        String email = AuthEmails.verifiedAccount(emu, "newer");
        forgot(email);
        String older = tokenMailedTo(email);
        emu.emulator().advanceClock(Duration.ofSeconds(61));
        forgot(email);
        String newer = tokenMailedTo(email);

        assertNotEquals(older, newer);
        assertInvalidToken(reset(email, older, NEW_PASSWORD, NEW_PASSWORD));
        assertEquals(200, reset(email, newer, NEW_PASSWORD, NEW_PASSWORD).status());
    }

    @Test
    void aSecondRequestWithinAMinuteSendsNoSecondEmail() {
        String email = AuthEmails.verifiedAccount(emu, "throttle");
        forgot(email);
        long first = emu.mailTo(email).id();

        TestHttp.Answer again = forgot(email);

        assertEquals(200, again.status());
        assertEquals(first, emu.mailTo(email).id());
    }

    @Test
    void aTokenMailedToAnotherAddressIsRefused() {
        String owner = AuthEmails.verifiedAccount(emu, "owner");
        String other = AuthEmails.verifiedAccount(emu, "other");
        forgot(owner);

        assertInvalidToken(reset(other, tokenMailedTo(owner), NEW_PASSWORD, NEW_PASSWORD));
    }

    @Test
    void anUnknownAddressIsRefusedLikeABadToken() {
        assertInvalidToken(reset(AuthEmails.freshAddress("nobody"), "0".repeat(64), NEW_PASSWORD, NEW_PASSWORD));
    }

    @Test
    void aConfirmationThatDiffersIsRefusedAndTheTokenStaysGood() {
        String email = AuthEmails.verifiedAccount(emu, "confirm");
        forgot(email);
        String token = tokenMailedTo(email);

        TestHttp.Answer refused = reset(email, token, NEW_PASSWORD, "something-else1");

        assertEquals(422, refused.status());
        assertTrue(refused.json().path("error").path("details").has("password"), refused.body());
        assertEquals(200, reset(email, token, NEW_PASSWORD, NEW_PASSWORD).status());
    }

    @Test
    void everyFieldIsRequiredTheConfirmationToo() {
        TestHttp.Answer refused = emu.as(null).post("/auth/reset-password",
                "{\"email\": \"agent@example.com\", \"token\": \"abc\", \"password\": \"new-secret123\"}");

        assertEquals(422, refused.status());
        assertTrue(refused.json().path("error").path("details").has("password_confirmation"), refused.body());
    }

    @Test
    void aShortPasswordIsRefused() {
        TestHttp.Answer refused = reset("agent@example.com", "abc", "short", "short");

        assertEquals(422, refused.status());
        assertTrue(refused.json().path("error").path("details").has("password"), refused.body());
    }

    @Test
    void aResetRevokesNoTokenOfTheAccount() {
        String email = AuthEmails.verifiedAccount(emu, "keeps-tokens");
        String token = AuthEmails.login(emu, email, PASSWORD).json().path("data").path("access_token").asText();
        forgot(email);

        reset(email, tokenMailedTo(email), NEW_PASSWORD, NEW_PASSWORD);

        assertEquals(200, emu.as(token).get("/wallet/balance").status());
    }
}
