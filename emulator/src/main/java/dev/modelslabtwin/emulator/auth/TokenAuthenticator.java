package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Authenticator;
import dev.modelslabtwin.emulator.routing.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens checked against the token table at the emulated time; disabled accounts are refused.
 * What the tables said about a token is remembered ({@link RememberedTokens}) until either table is
 * written, so a token used again costs no transaction: only its expiry, against the emulated clock,
 * and its {@code last_used_at}, written as before at most once a second, are looked at.
 */
public final class TokenAuthenticator implements Authenticator {

    private final Database database;
    private final Clock clock;
    private final RememberedTokens remembered = new RememberedTokens();

    public TokenAuthenticator(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> authenticate(String bearerToken) {
        // The generation is read before the tables are: a change committed after this moves it on, so
        // what is read below is never kept past that change.
        long generation = database.generation();
        Instant now = clock.instant();
        RememberedTokens.Verdict verdict = remembered.at(bearerToken, generation);
        if (verdict == null || !verdict.holdsAt(now)) {
            boolean joined = database.inTransaction();
            verdict = read(bearerToken, generation, now);
            if (!joined) {
                // Inside another transaction the tables were read at its snapshot, which may be older.
                remembered.keep(bearerToken, verdict);
            }
        }
        return answer(verdict, now);
    }

    /** What the tables say about the token at {@code now}, marking a live token of an enabled account used. */
    private RememberedTokens.Verdict read(String bearerToken, long generation, Instant now) {
        return database.transaction(db -> {
            Optional<AccessTokens.Token> found = AccessTokens.named(db, bearerToken, now);
            Optional<Accounts.Account> account = found.flatMap(token -> Accounts.find(db, token.accountId()));
            if (account.isEmpty()) {
                return RememberedTokens.Verdict.refused(generation, now);
            }
            AccessTokens.Token token = found.get();
            Instant lastUsedAt = token.lastUsedAt();
            if (!account.get().disabled() && !AccessTokens.recentlyUsed(lastUsedAt, now)) {
                AccessTokens.touch(db, token.id(), now);
                lastUsedAt = now;
            }
            return RememberedTokens.Verdict.live(generation, now, new Caller(token.accountId(), token.id(), token.scopes()),
                    account.get().disabled(), token.expiresAt(), lastUsedAt);
        });
    }

    private Optional<Caller> answer(RememberedTokens.Verdict verdict, Instant now) {
        if (verdict.caller == null || verdict.expiredAt(now)) {
            return Optional.empty();
        }
        if (verdict.accountDisabled) {
            throw new ApiProblem(403, "access_denied", "This account is disabled. Contact support@modelslab.com.",
                    Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"modelslab\", error=\"invalid_token\", "
                            + "error_description=\"account disabled\""));
        }
        touchIfDue(verdict, now);
        return Optional.of(verdict.caller);
    }

    /**
     * Writes {@code last_used_at} when it is not "now" to the second, as a request always has; one
     * request at a time per token, so the others of that second find it written rather than collide.
     */
    private void touchIfDue(RememberedTokens.Verdict verdict, Instant now) {
        if (AccessTokens.recentlyUsed(verdict.lastUsedAt, now)) {
            return;
        }
        synchronized (verdict) {
            if (!AccessTokens.recentlyUsed(verdict.lastUsedAt, now)) {
                database.transaction(db -> {
                    AccessTokens.touch(db, verdict.caller.tokenId(), now);
                    return null;
                });
                verdict.lastUsedAt = now;
            }
        }
    }

    /** How many tokens' verdicts are remembered (never more than {@link RememberedTokens#MAX_ENTRIES}). */
    int remembered() {
        return remembered.size();
    }
}
