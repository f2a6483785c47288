package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.db.Sql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Password reset tokens as Laravel's password broker (the live API's framework) keeps them with its
 * defaults, since no source of the API says otherwise: one token per address, a newer one replacing
 * the older; valid for {@link #LIFETIME} of emulated time and once; no new token within
 * {@link #THROTTLE} of the last one. Only a hash is stored: the plain token exists in the email alone.
 */
final class PasswordResets {

    /** Laravel's {@code auth.passwords.users.expire} default. */
    static final Duration LIFETIME = Duration.ofMinutes(60);
    /** Laravel's {@code auth.passwords.users.throttle} default. */
    static final Duration THROTTLE = Duration.ofSeconds(60);

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordResets() {
    }

    /**
     * A new reset token for {@code email}, replacing any older one; empty while the last one is younger
     * than {@link #THROTTLE} (then nothing is sent).
     */
    static Optional<String> issue(Connection db, String email, Instant now) {
        boolean throttled = Sql.one(db, "SELECT created_at FROM password_resets WHERE email = ?", row -> row.instant(1), email)
                .map(last -> now.isBefore(last.plus(THROTTLE))).orElse(false);
        if (throttled) {
            return Optional.empty();
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Sql.update(db, "MERGE INTO password_resets (email, token_hash, created_at) KEY (email) VALUES (?, ?, ?)",
                email, AccessTokens.sha256(token), now);
        return Optional.of(token);
    }

    /**
     * Uses up {@code email}'s reset token if it is {@code token} and still valid; false when it is
     * unknown, another address's, replaced, expired or already used.
     */
    static boolean redeem(Connection db, String email, String token, Instant now) {
        boolean valid = Sql.one(db, "SELECT token_hash, created_at FROM password_resets WHERE email = ?",
                        row -> row.getString(1).equals(AccessTokens.sha256(token)) && now.isBefore(row.instant(2).plus(LIFETIME)),
                        email)
                .orElse(false);
        if (valid) {
            Sql.update(db, "DELETE FROM password_resets WHERE email = ?", email);
        }
        return valid;
    }
}
