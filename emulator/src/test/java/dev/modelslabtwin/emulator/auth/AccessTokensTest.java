package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.db.Database;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-02-20T10:00:00Z");
    private final Database db = Database.inMemory();
    private final long account = db.transaction(c -> insertAccount(c, "agent@example.com"));
    private final long otherAccount = db.transaction(c -> insertAccount(c, "other@example.com"));

    @Test
    void anIssuedTokenAuthenticatesAsItsAccountWithItsScopes() {
        AccessTokens.Issued issued = issue(account, Set.of("wallet:read"), null);

        AccessTokens.Token token = db.transaction(c -> AccessTokens.named(c, issued.plainText(), NOW)).orElseThrow();

        assertEquals(account, token.accountId());
        assertTrue(token.grants("wallet:read"));
        assertFalse(token.grants("wallet:write"));
    }

    @Test
    void theStarScopeGrantsEverything() {
        AccessTokens.Issued issued = issue(account, Set.of("*"), null);

        assertTrue(issued.token().grants("subscriptions:write"));
    }

    @Test
    void aTokenWithAWrongSecretDoesNotAuthenticate() {
        AccessTokens.Issued issued = issue(account, Set.of("*"), null);
        String forged = issued.token().id() + "|" + "x".repeat(40);

        assertTrue(db.transaction(c -> AccessTokens.named(c, forged, NOW)).isEmpty());
    }

    @Test
    void malformedTokensDoNotAuthenticate() {
        assertTrue(db.transaction(c -> AccessTokens.named(c, "not-a-token", NOW)).isEmpty());
        assertTrue(db.transaction(c -> AccessTokens.named(c, "abc|def", NOW)).isEmpty());
    }

    @Test
    void anExpiredTokenDoesNotAuthenticate() {
        AccessTokens.Issued issued = issue(account, Set.of("*"), NOW.plus(Duration.ofDays(7)));

        assertTrue(db.transaction(c -> AccessTokens.named(c, issued.plainText(), NOW.plus(Duration.ofDays(8)))).isEmpty());
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() {
        AccessTokens.Issued issued = issue(account, Set.of("*"), null);

        boolean revoked = db.transaction(c -> AccessTokens.revoke(c, account, issued.token().id(), NOW));

        assertTrue(revoked);

        assertTrue(db.transaction(c -> AccessTokens.named(c, issued.plainText(), NOW)).isEmpty());
    }

    @Test
    void anotherAccountCannotRevokeTheToken() {
        AccessTokens.Issued issued = issue(account, Set.of("*"), null);

        boolean revoked = db.transaction(c -> AccessTokens.revoke(c, otherAccount, issued.token().id(), NOW));

        assertFalse(revoked);
        assertTrue(db.transaction(c -> AccessTokens.named(c, issued.plainText(), NOW)).isPresent());
    }

    @Test
    void revokingOthersKeepsTheCallingTokenAndCountsTheRest() {
        AccessTokens.Issued kept = issue(account, Set.of("*"), null);
        issue(account, Set.of("*"), null);
        issue(account, Set.of("wallet:read"), null);
        AccessTokens.Issued foreign = issue(otherAccount, Set.of("*"), null);

        int revoked = db.transaction(c -> AccessTokens.revokeAllExcept(c, account, kept.token().id(), NOW));

        assertEquals(2, revoked);
        assertEquals(1, db.transaction(c -> AccessTokens.live(c, account, NOW)).size());
        assertTrue(db.transaction(c -> AccessTokens.named(c, foreign.plainText(), NOW)).isPresent());
    }

    @Test
    void onlyAHashOfTheSecretIsStored() {
        AccessTokens.Issued issued = issue(account, Set.of("*"), null);
        String secret = issued.plainText().substring(issued.plainText().indexOf('|') + 1);

        String stored = db.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT token_hash FROM access_tokens")) {
                rows.next();
                return rows.getString(1);
            }
        });

        assertFalse(stored.contains(secret));
        assertEquals(AccessTokens.sha256(secret), stored);
    }

    private AccessTokens.Issued issue(long accountId, Set<String> scopes, Instant expiresAt) {
        return db.transaction(c -> AccessTokens.issue(c, accountId, "test", scopes, NOW, expiresAt));
    }

    private static long insertAccount(java.sql.Connection c, String email) throws java.sql.SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO accounts (email, name, password_hash, stripe_customer_id, created_at) VALUES (?, 'Agent', 'x', 'cus_test', ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, email);
            insert.setTimestamp(2, Timestamp.from(NOW));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
