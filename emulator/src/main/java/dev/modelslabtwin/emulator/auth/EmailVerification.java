package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.stripe.StripeIds;

import java.sql.Connection;
import java.util.Optional;

/**
 * The code of the verification email, the token of its {@code /verify/{token}} link: one live code per
 * unverified account (a resend replaces it), used up by verifying, on whichever of the three routes.
 */
final class EmailVerification {

    private static final int CODE_LENGTH = 40;

    private EmailVerification() {
    }

    /** A new code for the account, replacing the one it had. */
    static String newCode(Connection db, long accountId) {
        String code = StripeIds.random(CODE_LENGTH);
        Sql.update(db, "UPDATE accounts SET verification_code = ? WHERE id = ?", code, accountId);
        return code;
    }

    /** Verifies the unverified account whose live code is {@code code}; empty when there is none. */
    static Optional<Accounts.Account> verify(Connection db, String code) {
        Optional<Long> accountId = Sql.one(db, "SELECT id FROM accounts WHERE verification_code = ? AND NOT verified",
                row -> row.getLong(1), code);
        accountId.ifPresent(id -> Sql.update(db, "UPDATE accounts SET verified = TRUE, verification_code = NULL WHERE id = ?", id));
        return accountId.flatMap(id -> Accounts.find(db, id));
    }
}
