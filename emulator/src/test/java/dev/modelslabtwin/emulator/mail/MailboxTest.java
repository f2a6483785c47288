package dev.modelslabtwin.emulator.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulated mailbox: what the API "sent", shown by the control API, as Mailpit shows a server's mail. */
class MailboxTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static String signUp() {
        String email = "mailbox-" + ADDRESSES.incrementAndGet() + "@example.com";
        assertEquals(201, emu.as(null).post("/auth/signup", "{\"email\": \"" + email + "\", \"password\": \"secret123\", "
                + "\"name\": \"Mailbox Agent\"}").status());
        return email;
    }

    @Test
    void signupDeliversAVerificationEmailWithItsCodeAndItsLink() {
        String email = signUp();

        JsonNode mail = emu.controlGet("/mailbox/latest?to=" + email).json().path("data");

        assertEquals(email, mail.path("to").asText());
        assertEquals("verification", mail.path("kind").asText());
        assertEquals("Verify your email address", mail.path("subject").asText());
        String code = mail.path("verification_code").asText();
        assertEquals(emu.emulator().baseUrl() + "/verify/" + code, mail.path("link").asText());
        assertTrue(mail.path("text").asText().contains(mail.path("link").asText()), mail.toString());
        assertTrue(mail.path("reset_token").isNull());
        assertEquals(code, emu.controlGet("/verification-code?email=" + email).json().path("data").path("verification_code").asText());
    }

    @Test
    void theMailboxListsOneAddressesEmailsNewestFirst() {
        String email = signUp();
        signUp();
        emu.as(null).post("/auth/resend-verification", "{\"email\": \"" + email + "\"}");

        JsonNode mails = emu.controlGet("/mailbox?to=" + email.toUpperCase()).json().path("data");

        assertEquals(2, mails.size(), mails.toString());
        assertTrue(mails.get(0).path("id").asLong() > mails.get(1).path("id").asLong());
        mails.forEach(mail -> assertEquals(email, mail.path("to").asText()));
    }

    @Test
    void emptyingTheMailboxForAnAddressLeavesTheOthersMail() {
        String gone = signUp();
        String kept = signUp();

        TestHttp.Answer cleared = emu.control().delete("/mailbox?to=" + gone);

        assertEquals(1, cleared.json().path("data").path("cleared").asInt());
        assertEquals(404, emu.controlGet("/mailbox/latest?to=" + gone).status());
        assertEquals(200, emu.controlGet("/mailbox/latest?to=" + kept).status());
    }

    @Test
    void aResetEmptiesTheMailbox() {
        signUp();

        emu.emulator().reset();

        assertEquals(0, emu.controlGet("/mailbox").json().path("data").size());
    }

    @Test
    void anAddressThatGotNoEmailHasNoLatestOne() {
        TestHttp.Answer none = emu.controlGet("/mailbox/latest?to=nobody-wrote@example.com");

        assertEquals(404, none.status());
        assertEquals("not_found", none.json().path("error").path("code").asText());
    }

    @Test
    void aSignupThatIsRefusedSendsNoEmail() {
        String email = signUp();
        emu.control().delete("/mailbox");

        assertEquals(422, emu.as(null).post("/auth/signup", "{\"email\": \"" + email + "\", \"password\": \"secret123\"}").status());

        assertEquals(0, emu.controlGet("/mailbox").json().path("data").size());
    }
}
