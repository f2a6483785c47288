package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.routing.Caller;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the token and account tables said about bearer tokens, each at the database generation it was
 * read at (see {@code Database.generation()}): an answer is used only at that same generation, so any
 * write to either table, whoever makes it, forgets every answer at once. At most
 * {@value #MAX_ENTRIES} are kept, answers of an older generation going first, then any.
 */
final class RememberedTokens {

    static final int MAX_ENTRIES = 4096;
    /** Longer than any token the emulator issues ({@code <id>|} and at most 80 characters): not kept. */
    static final int MAX_TOKEN_CHARS = 128;

    /** What the tables said about one token; {@code caller} null: refused (unknown, revoked, expired, malformed). */
    static final class Verdict {
        final long generation;
        final Instant readAt;
        final Caller caller;
        final boolean accountDisabled;
        final Instant expiresAt;
        /** The token's {@code last_used_at} as written: the authenticator is its only writer. */
        volatile Instant lastUsedAt;

        private Verdict(long generation, Instant readAt, Caller caller, boolean accountDisabled, Instant expiresAt,
                        Instant lastUsedAt) {
            this.generation = generation;
            this.readAt = readAt;
            this.caller = caller;
            this.accountDisabled = accountDisabled;
            this.expiresAt = expiresAt;
            this.lastUsedAt = lastUsedAt;
        }

        static Verdict refused(long generation, Instant readAt) {
            return new Verdict(generation, readAt, null, false, null, null);
        }

        static Verdict live(long generation, Instant readAt, Caller caller, boolean accountDisabled, Instant expiresAt,
                            Instant lastUsedAt) {
            return new Verdict(generation, readAt, caller, accountDisabled, expiresAt, lastUsedAt);
        }

        /** Whether the token has expired at {@code now}: what the table's {@code expires_at > now} says. */
        boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }

        /**
         * Whether this is what the tables would say at {@code now}, their generation unchanged: a live
         * token's answer changes only at its expiry, which is checked when it is used; a refusal holds
         * from then on, a token that did not work never working later with nothing written, but not
         * before it was read (the clock is put back by a reset, which changes the generation anyway).
         */
        boolean holdsAt(Instant now) {
            return caller != null || !now.isBefore(readAt);
        }
    }

    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    /** The verdict on {@code token} read at {@code generation}, or null. */
    Verdict at(String token, long generation) {
        Verdict verdict = verdicts.get(token);
        return verdict != null && verdict.generation == generation ? verdict : null;
    }

    synchronized void keep(String token, Verdict verdict) {
        if (token.length() > MAX_TOKEN_CHARS) {
            return;
        }
        if (!verdicts.containsKey(token) && verdicts.size() >= MAX_ENTRIES) {
            verdicts.values().removeIf(kept -> kept.generation != verdict.generation);
            Iterator<String> any = verdicts.keySet().iterator();
            while (verdicts.size() >= MAX_ENTRIES) {
                any.next();
                any.remove();
            }
        }
        verdicts.put(token, verdict);
    }

    int size() {
        return verdicts.size();
    }
}
