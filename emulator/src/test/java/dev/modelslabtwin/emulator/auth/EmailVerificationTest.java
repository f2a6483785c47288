package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.mail.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.modelslabtwin.emulator.auth.AuthEmails.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Signup, the verification email, resending it: the whole way to a first login, offline. */
class EmailVerificationTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static TestHttp.Answer resend(String email) {
        return emu.as(null).post("/auth/resend-verification", "{\"email\": \"" + email + "\"}");
    }

    private static TestHttp.Answer verify(String code) {
        return emu.as(null).post("/auth/verify-email", "{\"verification_code\": \"" + code + "\"}");
    }

    @Test
    void signupThenTheEmailedCodeThenLoginWorksEntirelyOffline() {
        String email = AuthEmails.signUp(emu, "offline");
        assertEquals(403, AuthEmails.login(emu, email, PASSWORD).status());

        assertEquals(200, verify(emu.mailTo(email).verificationCode()).status());

        assertEquals(200, AuthEmails.login(emu, email, PASSWORD).status());
    }

    @Test
    void resendingSendsANewCodeAndTheEarlierOneStopsWorking() {
        String email = AuthEmails.signUp(emu, "resend");
        String first = emu.mailTo(email).verificationCode();

        assertEquals(200, resend(email).status());

        Mailbox.Mail again = emu.mailTo(email);
        assertNotEquals(first, again.verificationCode());
        assertEquals(422, verify(first).status());
        assertEquals(200, verify(again.verificationCode()).status());
    }

    @Test
    void resendingAnswersAlikeForUnknownVerifiedAndUnverifiedAddresses() {
        String unverified = AuthEmails.signUp(emu, "alike");
        String verified = AuthEmails.verifiedAccount(emu, "alike-verified");
        String unknown = AuthEmails.freshAddress("alike-unknown");

        TestHttp.Answer toUnverified = resend(unverified);
        TestHttp.Answer toVerified = resend(verified);
        TestHttp.Answer toUnknown = resend(unknown);

        assertEquals(200, toVerified.status());
        assertEquals(toUnverified.json().path("data"), toVerified.json().path("data"));
        assertEquals(toUnverified.json().path("data"), toUnknown.json().path("data"));
    }

    @Test
    void onlyAnUnverifiedAccountGetsAnotherVerificationEmail() {
        String verified = AuthEmails.verifiedAccount(emu, "no-more-mail");
        String unknown = AuthEmails.freshAddress("no-mail-at-all");
        long before = emu.emulator().mail(null, 1000).size();

        resend(verified);
        resend(unknown);

        assertEquals(before, emu.emulator().mail(null, 1000).size());
    }

    @Test
    void resendingWithoutAnEmailIsAValidationError() {
        TestHttp.Answer answer = emu.as(null).post("/auth/resend-verification", "{}");

        assertEquals(422, answer.status());
        assertEquals("validation_error", answer.json().path("error").path("code").asText());
        assertEquals("The email field is required.", answer.json().path("error").path("details").path("email").get(0).asText());
    }
}
