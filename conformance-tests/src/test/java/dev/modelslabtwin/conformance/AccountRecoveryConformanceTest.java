package dev.modelslabtwin.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Accounts;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.ContractIndex;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import dev.modelslabtwin.openapi.Contract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emails of the auth calls and what they lead to: resending the verification email, the email's
 * link at the site root, forgetting and resetting a password. Against a live server nothing here runs
 * without {@code -Dconformance.allowAccountChanges=true} (each call would mail the account's owner or
 * touch its password), and what needs the email itself needs the emulator's mailbox.
 */
@ConformanceCheck
class AccountRecoveryConformanceTest {

    private final Target target = Target.current();
    private final Api anonymous = target.api().withoutToken();

    private String signUp(String prefix, String password) {
        String email = Accounts.uniqueEmail(prefix);
        anonymous.post("/auth/signup", Json.object("email", email, "password", password)).expect(201);
        return email;
    }

    @Test
    @Verifies({"resendVerification.new-code-replaces-old", "mail.emulated-mailbox"})
    void resendingTheVerificationEmailMailsANewCodeAndTheOldOneNoLongerVerifies() {
        target.assumeEmulator("reading the verification email needs the emulator's mailbox");
        String email = signUp("resend", "correct-horse-1");
        String first = target.control().latestMail(email).path("verification_code").asText();

        Answer resent = anonymous.post("/auth/resend-verification", Json.object("email", email)).expect(200);

        assertFalse(resent.text("message").isBlank());
        String second = target.control().latestMail(email).path("verification_code").asText();
        assertNotEquals(first, second);
        anonymous.post("/auth/verify-email", Json.object("verification_code", first)).expectInvalid("verification_code");
        anonymous.post("/auth/verify-email", Json.object("verification_code", second)).expect(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/resend-verification", "/auth/forgot-password"})
    @Verifies({"resendVerification.same-answer-for-any-address", "forgotPassword.same-answer-for-any-address"})
    void anUnknownAddressIsAcceptedWithoutSayingItIsUnknown(String path) {
        target.assumeMailAndPasswordCallsAllowed(path + " (it emails the address's owner)");
        Answer unknown = anonymous.post(path, Json.object("email", Accounts.uniqueEmail("nobody"))).expect(200);

        assertFalse(unknown.text("message").isBlank());
    }

    @Test
    @Verifies({"verifyEmailLink.json-as-laravel-chooses", "verifyEmailLink.code-works-once", "mail.emulated-mailbox"})
    void theEmailsLinkVerifiesAtTheSiteRootAndWorksOnce() {
        target.assumeEmulator("following the verification email's link needs the emulator's mailbox");
        String email = signUp("link", "correct-horse-1");
        String link = target.control().latestMail(email).path("link").asText();
        String path = URI.create(link).getRawPath();
        assertTrue(path.startsWith("/verify/"), link);

        Answer verified = anonymous.get(path).expect(200);

        assertTrue(verified.data().path("user").path("verified").asBoolean(), verified.body());
        assertFalse(verified.data().has("access_token"), verified.body());
        anonymous.post("/auth/login", Json.object("email", email, "password", "correct-horse-1")).expect(200);
        anonymous.get(path).expectError(404, "not_found");
    }

    /**
     * Sent as a browser sends it, by the JDK's client rather than Rest-Assured, whose shared connection
     * stays allocated after an answer without a body; the answer is held to the contract all the same.
     */
    @Test
    @Verifies({"verifyEmailLink.json-or-browser", "verifyEmailLink.emulator-pages"})
    void aBrowserFollowingTheLinkIsRedirectedAsTheContractSays() throws Exception {
        target.assumeEmulator("following the verification email's link needs the emulator's mailbox");
        String email = signUp("browser", "correct-horse-1");
        URI link = URI.create(target.control().latestMail(email).path("link").asText());

        HttpResponse<String> redirected = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(302, redirected.statusCode(), redirected.body());
        assertTrue(redirected.headers().firstValue("Location").filter(location -> location.endsWith("/email/verified")).isPresent(),
                redirected.headers().map().toString());
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(redirected.statusCode());
        redirected.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        ValidationReport report = OpenApiInteractionValidator.createForInlineApiSpecification(Contract.yaml())
                .withBasePathOverride(ContractIndex.get().basePath()).build()
                .validateResponse(link.getRawPath(), Request.Method.GET, answer.build());
        assertFalse(report.hasErrors(), report.getMessages().toString());
        anonymous.post("/auth/login", Json.object("email", email, "password", "correct-horse-1")).expect(200);
    }

    @Test
    @Verifies("verifyEmailLink.code-works-once")
    void aLinkNobodyWasSentIsNotFound() {
        anonymous.get("/verify/conformanceSuiteNeverIssuedThisCode0000").expectError(404, "not_found");
    }

    @Test
    @Verifies({"resetPassword.new-password-logs-in", "forgotPassword.token-as-laravel-keeps-it", "resetPassword.bad-token-refused",
            "mail.emulated-mailbox"})
    void forgottenPasswordThenTheEmailedTokenThenLoggingInWithTheNewPassword() {
        target.assumeEmulator("reading the password reset email needs the emulator's mailbox");
        String email = signUp("forgot", "correct-horse-1");
        anonymous.post("/auth/verify-email", Json.object("verification_code",
                target.control().latestMail(email).path("verification_code").asText())).expect(200);

        Answer forgot = anonymous.post("/auth/forgot-password", Json.object("email", email)).expect(200);
        JsonNode mail = target.control().latestMail(email);
        Answer reset = anonymous.post("/auth/reset-password", Json.object("email", email, "token", mail.path("reset_token").asText(),
                "password", "battery-staple-2", "password_confirmation", "battery-staple-2")).expect(200);

        assertFalse(forgot.text("message").isBlank());
        assertEquals("password_reset", mail.path("kind").asText());
        assertFalse(reset.text("message").isBlank());
        anonymous.post("/auth/login", Json.object("email", email, "password", "correct-horse-1")).expectError(401, "invalid_credentials");
        anonymous.post("/auth/login", Json.object("email", email, "password", "battery-staple-2")).expect(200);
        anonymous.post("/auth/reset-password", Json.object("email", email, "token", mail.path("reset_token").asText(),
                "password", "third-secret-3", "password_confirmation", "third-secret-3")).expectInvalid("token");
    }

    @Test
    @Verifies("resetPassword.bad-token-refused")
    void aResetTokenNobodyWasSentIsRefused() {
        target.assumeMailAndPasswordCallsAllowed("resetting a password");
        anonymous.post("/auth/reset-password", Json.object("email", Accounts.uniqueEmail("nobody"),
                "token", "0".repeat(64), "password", "battery-staple-2", "password_confirmation", "battery-staple-2"))
                .expectInvalid("token");
    }
}
