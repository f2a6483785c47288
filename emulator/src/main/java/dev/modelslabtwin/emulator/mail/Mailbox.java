package dev.modelslabtwin.emulator.mail;

import dev.modelslabtwin.emulator.db.Row;
import dev.modelslabtwin.emulator.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the emulator's emails go instead of the internet, as LocalStack keeps the messages SES "sent"
 * and Mailpit catches a development server's mail: every verification and password reset email,
 * with what a person would copy out of it (the verification code, the reset token, the link), kept in
 * the database so that it is written with the change that caused it or not at all, and cleared by a
 * reset. Each email is also logged on {@value #LOGGER}, for a person watching the emulator's output.
 */
public final class Mailbox {

    /** The logger each delivered email gets a line on. */
    public static final String LOGGER = "dev.modelslabtwin.emulator.mail";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String COLUMNS = "id, recipient, kind, subject, body, verification_code, reset_token, link, sent_at";

    /** What an email is for. */
    public enum Kind {
        VERIFICATION("verification"),
        PASSWORD_RESET("password_reset");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /**
     * One delivered email: to whom, what for, its subject and text, and the secret a person would
     * copy out of it ({@code verificationCode} or {@code resetToken}) with its link, if it has one.
     */
    public record Mail(long id, String to, String kind, String subject, String text, String verificationCode,
                       String resetToken, String link, Instant sentAt) {
    }

    /** An email about to be delivered. */
    public record Draft(String to, Kind kind, String subject, String text, String verificationCode, String resetToken,
                        String link) {
    }

    private Mailbox() {
    }

    /** Delivers {@code draft}, in the caller's transaction: it is kept only if that commits. */
    public static Mail deliver(Connection db, Draft draft, Instant now) {
        long id = Sql.insert(db, "INSERT INTO mailbox (recipient, kind, subject, body, verification_code, reset_token, link, "
                        + "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", normalise(draft.to()), draft.kind().value(),
                draft.subject(), draft.text(), draft.verificationCode(), draft.resetToken(), draft.link(), now);
        return new Mail(id, normalise(draft.to()), draft.kind().value(), draft.subject(), draft.text(),
                draft.verificationCode(), draft.resetToken(), draft.link(), now);
    }

    /** The log line of a delivered email, once the change that sent it is committed. */
    public static void announce(Mail mail) {
        LOG.info("{} email to {}: \"{}\"{}{}{} (GET /_emulator/mailbox?to={})", mail.kind(), mail.to(), mail.subject(),
                mail.verificationCode() == null ? "" : ", verification_code " + mail.verificationCode(),
                mail.resetToken() == null ? "" : ", token " + mail.resetToken(),
                mail.link() == null ? "" : ", link " + mail.link(), mail.to());
    }

    /** The emails to {@code to} (every email when null), newest first, at most {@code limit}. */
    public static List<Mail> list(Connection db, String to, int limit) {
        return to == null
                ? Sql.list(db, "SELECT " + COLUMNS + " FROM mailbox ORDER BY id DESC LIMIT ?", Mailbox::map, limit)
                : Sql.list(db, "SELECT " + COLUMNS + " FROM mailbox WHERE recipient = ? ORDER BY id DESC LIMIT ?",
                        Mailbox::map, normalise(to), limit);
    }

    /** The newest email to {@code to}, if any arrived. */
    public static Optional<Mail> latest(Connection db, String to) {
        return list(db, to, 1).stream().findFirst();
    }

    /** Empties the mailbox (or only {@code to}'s emails); how many emails were removed. */
    public static int clear(Connection db, String to) {
        return to == null
                ? Sql.update(db, "DELETE FROM mailbox")
                : Sql.update(db, "DELETE FROM mailbox WHERE recipient = ?", normalise(to));
    }

    /** Addresses are compared as accounts compare them: trimmed, regardless of case. */
    private static String normalise(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }

    private static Mail map(Row row) {
        return new Mail(row.getLong("id"), row.getString("recipient"), row.getString("kind"), row.getString("subject"),
                row.getString("body"), row.getString("verification_code"), row.getString("reset_token"),
                row.getString("link"), row.instant("sent_at"));
    }
}
