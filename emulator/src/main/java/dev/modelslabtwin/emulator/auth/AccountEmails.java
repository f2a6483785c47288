package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.mail.Mailbox;

import java.sql.Connection;
import java.time.Instant;

/**
 * The emails the auth calls send, as the emulator writes them (no source shows ModelsLab's own): what
 * a person needs from each — the link and code to verify, the token to reset a password — and how an
 * agent uses it headlessly.
 */
final class AccountEmails {

    private AccountEmails() {
    }

    /** The verification email: its link is {@code root/verify/{code}}, the site-root compatibility route. */
    static Mailbox.Mail verification(Connection db, Accounts.Account account, String code, String root, Instant now) {
        String link = root + "/verify/" + code;
        String text = """
                Hello %s,

                Verify your email address to start using ModelsLab: open %s

                Headless agents: POST /api/agents/v1/auth/verify-email with {"verification_code": "%s"}.
                """.formatted(account.name(), link, code);
        return Mailbox.deliver(db, new Mailbox.Draft(account.email(), Mailbox.Kind.VERIFICATION, "Verify your email address",
                text, code, null, link), now);
    }

    /** The password reset email: the token for {@code POST /auth/reset-password}, and how long it lasts. */
    static Mailbox.Mail passwordReset(Connection db, Accounts.Account account, String token, Instant now) {
        String text = """
                Hello %s,

                Someone asked to reset the password of this ModelsLab account. If it was you, set a new one
                with POST /api/agents/v1/auth/reset-password and {"email": "%s", "token": "%s",
                "password": "...", "password_confirmation": "..."}. The token works once, for %d minutes.

                If it was not you, ignore this email: the password stays as it is.
                """.formatted(account.name(), account.email(), token, PasswordResets.LIFETIME.toMinutes());
        return Mailbox.deliver(db, new Mailbox.Draft(account.email(), Mailbox.Kind.PASSWORD_RESET, "Reset your password",
                text, null, token, null), now);
    }
}
