package dev.modelslabtwin.emulator.auth;

import dev.modelslabtwin.emulator.core.EmulatedClock;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.db.StatementCensus;
import dev.modelslabtwin.emulator.routing.ApiProblem;
import dev.modelslabtwin.emulator.routing.Caller;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authenticator on its own, at an emulated clock that moves only when told. */
class TokenAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-02-20T10:00:00Z");
    private final Database db = Database.inMemory();
    private final EmulatedClock clock = new EmulatedClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final TokenAuthenticator authenticator = new TokenAuthenticator(db, clock);
    private final long account = db.transaction(c -> Accounts.create(c,
            new Accounts.NewAccount("agent@example.com", "Agent", null, "password", true, false), NOW).id());
    private final AccessTokens.Issued issued = db.transaction(c -> AccessTokens.issue(c, account, "test", Set.of("wallet:read"), NOW, null));

    @Test
    void aTokenUsedAgainIsAnsweredWithoutReadingTheDatabase() {
        Caller first = authenticator.authenticate(issued.plainText()).orElseThrow();
        StatementCensus census = db.startCensus();

        Caller again = authenticator.authenticate(issued.plainText()).orElseThrow();

        db.endCensus();
        assertEquals(List.of(), census.executed());
        assertEquals(first, again);
        assertEquals(new Caller(account, issued.token().id(), Set.of("wallet:read")), again);
    }

    @Test
    void lastUsedAtIsWrittenAtMostOnceAnEmulatedSecondAsBefore() {
        authenticator.authenticate(issued.plainText());
        clock.advance(Duration.ofMillis(900));
        authenticator.authenticate(issued.plainText());
        Instant withinTheSecond = lastUsedAt();
        clock.advance(Duration.ofMillis(600));
        authenticator.authenticate(issued.plainText());

        assertEquals(NOW, withinTheSecond);
        assertEquals(NOW.plusMillis(1500), lastUsedAt());
    }

    @Test
    void aTokenOfADisabledAccountIsRefusedWithoutBeingMarkedUsed() {
        db.transaction(c -> Sql.update(c, "UPDATE accounts SET disabled = TRUE WHERE id = ?", account));

        ApiProblem refused = assertThrows(ApiProblem.class, () -> authenticator.authenticate(issued.plainText()));
        clock.advance(Duration.ofSeconds(5));
        assertThrows(ApiProblem.class, () -> authenticator.authenticate(issued.plainText()));

        assertEquals(403, refused.status());
        assertNull(lastUsedAt());
    }

    @Test
    void noMoreThanTheBoundOfTokensIsRememberedAndTheRestAreStillAnswered() {
        for (int i = 0; i < RememberedTokens.MAX_ENTRIES + 100; i++) {
            assertTrue(authenticator.authenticate(issued.token().id() + "|unknown_secret_" + i + "_abcdefgh").isEmpty());
        }
        assertTrue(authenticator.authenticate(issued.plainText()).isPresent());

        assertEquals(RememberedTokens.MAX_ENTRIES, authenticator.remembered());
        assertTrue(authenticator.authenticate(issued.plainText()).isPresent());
        assertTrue(authenticator.authenticate(issued.token().id() + "|unknown_secret_0_abcdefgh").isEmpty());
    }

    @Test
    void anOverlongTokenIsAnsweredButNotRemembered() {
        assertTrue(authenticator.authenticate("1|" + "x".repeat(RememberedTokens.MAX_TOKEN_CHARS)).isEmpty());

        assertEquals(0, authenticator.remembered());
    }

    private Instant lastUsedAt() {
        return db.transaction(c -> Sql.one(c, "SELECT last_used_at FROM access_tokens WHERE id = ?",
                row -> row.instant(1), issued.token().id())).orElse(null);
    }
}
