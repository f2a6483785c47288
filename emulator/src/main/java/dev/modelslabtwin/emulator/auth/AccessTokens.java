package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.db.WatchedTables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bearer tokens as Sanctum issues them: {@code <id>|<40 random characters>}, of which only a SHA-256
 * hash is stored, so a leaked database does not leak working tokens.
 */
public final class AccessTokens {

    /** What a token's secret part may be: Sanctum's 40 random characters, or a seed file's chosen secret. */
    public static final String SECRET_PATTERN = "[A-Za-z0-9_-]{16,80}";

    /** How stale {@code last_used_at} may be before a request writes it again. */
    static final Duration TOUCH_PRECISION = Duration.ofSeconds(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** A stored token, without its secret. */
    public record Token(long id, long accountId, String name, Set<String> scopes, Instant createdAt,
                        Instant expiresAt, Instant lastUsedAt) {

        public boolean grants(String scope) {
            return scopes.contains("*") || scopes.contains(scope);
        }
    }

    /** A token just issued: the only moment its plain text exists. */
    public record Issued(Token token, String plainText) {
    }

    private AccessTokens() {
    }

    public static Issued issue(Connection db, long accountId, String name, Set<String> scopes, Instant now,
                               Instant expiresAt) {
        return issue(db, accountId, name, scopes, now, expiresAt, randomSecret());
    }

    /**
     * Issues a token whose secret part is given, as a seed file does for a token that must be known
     * before the emulator starts; {@link #plainTextOf} finds it again after a restart.
     */
    public static Issued issue(Connection db, long accountId, String name, Set<String> scopes, Instant now,
                               Instant expiresAt, String secret) {
        long id = Sql.insert(db, "INSERT INTO access_tokens (account_id, token_hash, name, scopes, expires_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", accountId, sha256(secret), name, String.join(" ", new TreeSet<>(scopes)),
                expiresAt, now);
        Token token = new Token(id, accountId, name, new TreeSet<>(scopes), now, expiresAt, null);
        return new Issued(token, id + "|" + secret);
    }

    /**
     * Issues a token for a team account to a caller switching from {@code fromAccountId}, which it
     * remembers (see {@link #switchedFrom}).
     */
    static Issued issueSwitched(Connection db, long accountId, String name, Set<String> scopes, Instant now,
                                Instant expiresAt, long fromAccountId) {
        Issued issued = issue(db, accountId, name, scopes, now, expiresAt);
        Sql.update(db, "UPDATE access_tokens SET switched_from_account_id = ? WHERE id = ?", fromAccountId, issued.token().id());
        return issued;
    }

    /** The account a token issued by switch-account was switched from; empty for any other token. */
    static Optional<Long> switchedFrom(Connection db, long tokenId) {
        return Sql.one(db, "SELECT switched_from_account_id FROM access_tokens WHERE id = ? AND switched_from_account_id IS NOT NULL",
                row -> row.getLong(1), tokenId);
    }

    /**
     * The live token {@code plainText} names; empty when it is malformed, unknown, revoked or expired
     * (all of which the API answers alike, 401 {@code unauthenticated}). Using it is marked with
     * {@link #touch}.
     */
    static Optional<Token> named(Connection db, String plainText, Instant now) {
        int bar = plainText == null ? -1 : plainText.indexOf('|');
        if (bar <= 0) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(plainText.substring(0, bar));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
        String hash = sha256(plainText.substring(bar + 1));
        return select(db, "WHERE id = ? AND token_hash = ? AND revoked_at IS NULL "
                + "AND (expires_at IS NULL OR expires_at > ?)", id, hash, now).stream().findFirst();
    }

    /**
     * Writes the token's {@code last_used_at}, unnoticed by what remembers tokens (which keeps it
     * itself): otherwise a busy token would make every remembered token be read again once a second.
     */
    static void touch(Connection db, long tokenId, Instant now) {
        WatchedTables.unnoticed(() -> Sql.update(db, "UPDATE access_tokens SET last_used_at = ? WHERE id = ?", now, tokenId));
    }

    /**
     * Whether {@code last_used_at} already says "now", to the second: then it is not written again.
     * Written by every request, it would make concurrent requests with one token collide on that row
     * (a write conflict each, and a retry); this way a busy token writes it once a second.
     */
    static boolean recentlyUsed(Instant lastUsedAt, Instant now) {
        return lastUsedAt != null && !lastUsedAt.isAfter(now) && lastUsedAt.isAfter(now.minus(TOUCH_PRECISION));
    }

    /** The plain text of the live token with this secret, if one was issued with it. */
    public static Optional<String> plainTextOf(Connection db, String secret, Instant now) {
        return select(db, "WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
                sha256(secret), now).stream().findFirst().map(token -> token.id() + "|" + secret);
    }

    /** Whether any token, live or not, was ever issued with this secret (secrets are unique). */
    public static boolean secretTaken(Connection db, String secret) {
        return !select(db, "WHERE token_hash = ?", sha256(secret)).isEmpty();
    }

    /** The account's live tokens, newest first. */
    public static List<Token> live(Connection db, long accountId, Instant now) {
        return select(db, "WHERE account_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) "
                + "ORDER BY id DESC", accountId, now);
    }

    /**
     * How many unrevoked tokens stop working in {@code (from, to]}. Expiry needs no work (a token past
     * {@code expires_at} is refused when presented); this is what an advance of the clock reports.
     */
    public static int countExpiring(Connection db, Instant from, Instant to) {
        return Sql.number(db, "SELECT COUNT(*) FROM access_tokens WHERE revoked_at IS NULL AND expires_at > ? "
                + "AND expires_at <= ?", from, to).intValueExact();
    }

    /** Revokes one of the account's tokens; false when the account has no such live token. */
    public static boolean revoke(Connection db, long accountId, long tokenId, Instant now) {
        return update(db, "UPDATE access_tokens SET revoked_at = ? WHERE account_id = ? AND id = ? AND revoked_at IS NULL",
                now, accountId, tokenId) == 1;
    }

    /** Revokes every live token of the account except {@code keepTokenId} (none when it is 0); how many. */
    public static int revokeAllExcept(Connection db, long accountId, long keepTokenId, Instant now) {
        return update(db, "UPDATE access_tokens SET revoked_at = ? WHERE account_id = ? AND id <> ? AND revoked_at IS NULL",
                now, accountId, keepTokenId);
    }

    private static int update(Connection db, String sql, Instant now, long accountId, long tokenId) {
        return Sql.update(db, sql, now, accountId, tokenId);
    }

    private static List<Token> select(Connection db, String where, Object... parameters) {
        return Sql.list(db, "SELECT id, account_id, name, scopes, created_at, expires_at, last_used_at FROM access_tokens "
                + where, row -> new Token(row.getLong(1), row.getLong(2), row.getString(3),
                new TreeSet<>(List.of(row.getString(4).split(" "))), row.instant(5), row.instant(6), row.instant(7)),
                parameters);
    }

    private static String randomSecret() {
        char[] secret = new char[40];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(secret);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
