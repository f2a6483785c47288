package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.client.ModelsLabClient;
import dev.modelslabtwin.client.RetryPolicy;
import dev.modelslabtwin.client.model.SwitchAccountResult;
import dev.modelslabtwin.client.model.VerifyLinkResult;
import dev.modelslabtwin.emulator.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.modelslabtwin.emulator.auth.AuthEmails.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our own Java client through the emails: the site-root verification link, a password reset, a team switch. */
class ClientAccountRecoveryTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static ModelsLabClient client(String token) {
        return ModelsLabClient.builder().baseUrl(emu.emulator().baseUrl()).token(token).retryPolicy(RetryPolicy.NONE).build();
    }

    @Test
    void theClientFollowsTheVerificationLinkAtTheSiteRoot() {
        String email = AuthEmails.signUp(emu, "client-link");

        VerifyLinkResult verified = client(null).auth().verifyEmailLink(emu.mailTo(email).verificationCode());

        assertTrue(verified.getUser().getVerified());
        assertEquals(200, AuthEmails.login(emu, email, PASSWORD).status());
    }

    @Test
    void theClientResetsAForgottenPassword() {
        String email = AuthEmails.verifiedAccount(emu, "client-reset");
        ModelsLabClient anonymous = client(null);

        anonymous.auth().forgotPassword(email);
        anonymous.auth().resetPassword(email, emu.mailTo(email).resetToken(), "new-secret123");

        assertEquals(email, anonymous.auth().login(email, "new-secret123").getUser().getEmail());
    }

    @Test
    void theClientSwitchesToATeamAccountAndBack() {
        String member = emu.controlPost("/seed", """
                {"accounts": [{"email": "client-team@example.com", "username": "client-team"},
                              {"email": "client-member@example.com", "teams": ["client-team"],
                               "token": {"secret": "client_member_token_0123456789"}}]}""")
                .json().path("data").path("accounts").get(1).path("tokens").get(0).path("token").asText();

        SwitchAccountResult team = client(member).auth().switchAccount("client-team");
        SwitchAccountResult back = client(team.getAccessToken()).auth().switchBack();

        assertEquals("client-team@example.com", team.getUser().getEmail());
        assertEquals(team.getAccessToken(), team.getToken());
        assertEquals("client-member@example.com", back.getUser().getEmail());
    }
}
