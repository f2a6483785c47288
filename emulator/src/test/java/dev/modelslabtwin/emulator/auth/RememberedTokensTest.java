package dev.modelslabtwin.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token's answer is remembered between requests (TokenAuthenticator), so each test first uses the
 * token, then changes what its answer depends on, and expects the very next request to see the change.
 */
class RememberedTokensTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static final String DISABLE = "UPDATE accounts SET disabled = ? WHERE id = ?";

    private static void assertServed(String token) {
        TestHttp.Answer balance = emu.as(token).get("/wallet/balance");
        assertEquals(200, balance.status(), balance.body());
    }

    private static void assertUnauthenticated(String token) {
        TestHttp.Answer refused = emu.as(token).get("/wallet/balance");
        assertEquals(401, refused.status(), refused.body());
        assertEquals("unauthenticated", refused.json().path("error").path("code").asText());
    }

    private static String login(TestEmulator.TestAccount account, String extra) {
        return emu.as(null).post("/auth/login", "{\"email\": \"" + account.email() + "\", \"password\": \"password\"" + extra + "}")
                .json().path("data").path("access_token").asText();
    }

    /** Another token of the account, used once so that its answer is remembered. */
    private static String usedSecondToken(TestEmulator.TestAccount account) {
        String token = login(account, "");
        assertServed(token);
        return token;
    }

    private static long idOf(String token) {
        return Long.parseLong(token.substring(0, token.indexOf('|')));
    }

    private static void setDisabled(long accountId, boolean disabled) {
        emu.database().transaction(db -> Sql.update(db, DISABLE, disabled, accountId));
    }

    @Test
    void aTokenRevokedByIdIsRefusedOnTheNextRequest() {
        TestEmulator.TestAccount account = emu.newAccount();
        String other = usedSecondToken(account);

        assertEquals(200, emu.as(account.token()).delete("/auth/tokens/" + idOf(other)).status());

        assertUnauthenticated(other);
        assertServed(account.token());
    }

    @Test
    void tokensRevokedAllButTheCallingOneAreRefusedOnTheNextRequest() {
        TestEmulator.TestAccount account = emu.newAccount();
        String other = usedSecondToken(account);

        assertEquals(200, emu.as(account.token()).post("/auth/tokens/revoke-others", null).status());

        assertUnauthenticated(other);
        assertServed(account.token());
    }

    @Test
    void everyTokenIsRefusedOnTheNextRequestAfterLogoutAll() {
        TestEmulator.TestAccount account = emu.newAccount();
        String other = usedSecondToken(account);

        assertEquals(200, emu.as(account.token()).post("/auth/logout-all", null).status());

        assertUnauthenticated(other);
        assertUnauthenticated(account.token());
    }

    @Test
    void aTokenIsRefusedOnTheNextRequestOnceTheEmulatedClockReachesItsExpiry() {
        TestEmulator.TestAccount account = emu.newAccount();
        String weekly = login(account, ", \"token_expiry\": \"1_week\"");
        assertServed(weekly);

        emu.clock().advance(Duration.ofDays(7).plusSeconds(1));

        assertUnauthenticated(weekly);
        assertServed(account.token());
    }

    @Test
    void aTokenUnknownUntilItIsIssuedWorksOnTheNextRequestAfterIssue() {
        String first = emu.controlPost("/accounts/1/tokens", "{\"secret\": \"first_chosen_secret_0123\"}").json()
                .path("data").path("token").asText();
        String next = (idOf(first) + 1) + "|second_chosen_secret_0123";
        assertUnauthenticated(next);

        String issued = emu.controlPost("/accounts/1/tokens", "{\"secret\": \"second_chosen_secret_0123\"}").json()
                .path("data").path("token").asText();

        assertEquals(next, issued);
        assertServed(next);
    }

    @Test
    void aTokenFromSwitchAccountActsForTheTeamWhileTheCallingTokenStaysWithItsAccount() {
        JsonNode seeded = emu.controlPost("/seed", """
                {"accounts": [
                  {"email": "member@example.com", "username": "member", "teams": ["studio"], "balance": 1.00,
                   "token": {"secret": "member_token_secret_0123456789"}},
                  {"email": "studio@example.com", "username": "studio", "balance": 42.00}
                ]}""").json().path("data").path("accounts");
        String member = seeded.get(0).path("tokens").get(0).path("token").asText();
        assertServed(member);

        String team = emu.as(member).post("/auth/switch-account", "{\"account_username\": \"studio\"}").json()
                .path("data").path("access_token").asText();

        assertMoney("42.00", emu.as(team).get("/wallet/balance").json().path("data").path("balance"));
        assertMoney("1.00", emu.as(member).get("/wallet/balance").json().path("data").path("balance"));
    }

    @Test
    void anAccountDisabledAfterItsTokenWasUsedIsRefusedOnTheNextRequestWithTheSame403() {
        TestEmulator.TestAccount account = emu.newAccount();
        String unused = login(account, "");
        assertServed(account.token());

        setDisabled(account.id(), true);
        TestHttp.Answer used = emu.as(account.token()).get("/wallet/balance");
        TestHttp.Answer neverUsed = emu.as(unused).get("/wallet/balance");

        assertEquals(403, used.status(), used.body());
        assertEquals(neverUsed.status(), used.status());
        assertEquals(neverUsed.header("WWW-Authenticate"), used.header("WWW-Authenticate"));
        assertEquals("Bearer realm=\"modelslab\", error=\"invalid_token\", error_description=\"account disabled\"",
                used.header("WWW-Authenticate"));
        assertEquals(neverUsed.json().path("error").toString(), used.json().path("error").toString());
        assertEquals("This account is disabled. Contact support@modelslab.com.",
                used.json().path("error").path("message").asText());
    }

    @Test
    void anAccountEnabledAgainIsServedOnTheNextRequest() {
        TestEmulator.TestAccount account = emu.newAccount();
        setDisabled(account.id(), true);
        assertEquals(403, emu.as(account.token()).get("/wallet/balance").status());

        setDisabled(account.id(), false);

        assertServed(account.token());
    }

    @Test
    void aDeletedAccountsTokenIsRefusedOnTheNextRequest() {
        TestEmulator.TestAccount account = emu.newAccount();
        assertServed(account.token());

        emu.database().transaction(db -> {
            Sql.update(db, "DELETE FROM access_tokens WHERE account_id = ?", account.id());
            Sql.update(db, "DELETE FROM wallets WHERE account_id = ?", account.id());
            return Sql.update(db, "DELETE FROM accounts WHERE id = ?", account.id());
        });

        assertUnauthenticated(account.token());
    }

    @Test
    void aResetRefusesTokensIssuedSinceTheSeedOnTheNextRequest() {
        TestEmulator.TestAccount account = emu.newAccount();
        assertServed(account.token());

        assertEquals(200, emu.controlPost("/reset", null).status());

        assertUnauthenticated(account.token());
    }

    @Test
    void aResetBringsARevokedSeededTokenBackOnTheNextRequest() {
        String seeded = emu.emulator().defaultToken();
        assertEquals(200, emu.as(seeded).post("/auth/logout", null).status());
        assertUnauthenticated(seeded);

        assertEquals(200, emu.controlPost("/reset", null).status());

        assertServed(seeded);
    }

    @Test
    void aReplacedSeedRefusesTheOldSeedsTokenAndServesItsOwnOnTheNextRequest() {
        String old = emu.emulator().defaultToken();
        String chosen = "1|replaced_seed_secret_0123456789";
        assertServed(old);
        assertUnauthenticated(chosen);

        TestHttp.Answer replaced = emu.control().put("/seed", """
                {"accounts": [{"email": "only@example.com", "token": {"secret": "replaced_seed_secret_0123456789"}}]}""");

        assertEquals(200, replaced.status(), replaced.body());
        assertUnauthenticated(old);
        assertServed(chosen);
    }

    @Test
    void aRememberedTokenStillShowsItsUseInTheTokenListOnceASecondHasPassed() {
        TestEmulator.TestAccount account = emu.newAccount();
        String other = usedSecondToken(account);
        Instant firstUse = lastUsedAt(account.token(), idOf(other));

        emu.clock().advance(Duration.ofHours(1));
        Instant before = emu.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        assertServed(other);

        Instant secondUse = lastUsedAt(account.token(), idOf(other));
        assertTrue(!secondUse.isBefore(before) && secondUse.isAfter(firstUse.plus(Duration.ofMinutes(59))),
                firstUse + " then " + secondUse);
    }

    private static Instant lastUsedAt(String listingToken, long tokenId) {
        for (JsonNode token : emu.as(listingToken).get("/auth/tokens").json().path("data")) {
            if (token.path("id").asLong() == tokenId) {
                assertFalse(token.path("last_used_at").isNull(), token.toString());
                return OffsetDateTime.parse(token.path("last_used_at").asText()).toInstant();
            }
        }
        throw new AssertionError("no token " + tokenId + " in the list");
    }
}
