package dev.modelslabtwin.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerTokensTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private static void assertUnauthenticated(TestHttp.Answer answer) {
        assertEquals(401, answer.status(), answer.body());
        assertEquals("unauthenticated", answer.json().path("error").path("code").asText());
        assertEquals("Bearer realm=\"modelslab\"", answer.header("WWW-Authenticate"));
        assertNotNull(answer.header("X-RateLimit-Remaining"));
        assertEquals(answer.header("X-Request-Id"), answer.json().path("meta").path("request_id").asText());
    }

    @Test
    void theSeededDefaultTokenReadsTheDefaultAccountsWallet() {
        TestHttp.Answer balance = emu.http().get("/wallet/balance");

        assertEquals(200, balance.status());
        assertEquals(0, new BigDecimal("50.00").compareTo(balance.json().path("data").path("balance").decimalValue()));
    }

    @Test
    void aMissingAuthorizationHeaderIsUnauthenticated() {
        assertUnauthenticated(emu.as(null).get("/wallet/balance"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer abc", "Bearer 1|", "Bearer x|y",
            "Bearer 999|twin_default_token_0123456789abcdefghijkl", "Bearer 1|twin_default_token_0123456789abcdefghijkX"})
    void aMalformedOrUnknownTokenIsUnauthenticated(String authorization) {
        assertUnauthenticated(emu.as(null).send("GET", "/wallet/balance", null, Map.of("Authorization", authorization)));
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        TestHttp.Answer answer = emu.as(null).send("GET", "/wallet/balance", null,
                Map.of("Authorization", "bearer " + emu.emulator().defaultToken()));

        assertEquals(200, answer.status());
    }

    @Test
    void aTokenWithoutTheOperationsScopeIsRefusedNamingTheScopes() {
        TestEmulator.TestAccount reader = emu.newAccount(BigDecimal.TEN, Set.of("wallet:read", "usage:read"));

        TestHttp.Answer allowed = emu.as(reader.token()).get("/wallet/balance");
        TestHttp.Answer refused = emu.as(reader.token()).post("/wallet/fund", "{\"amount\": 25}");

        assertEquals(200, allowed.status());
        assertEquals(403, refused.status());
        JsonNode error = refused.json().path("error");
        assertEquals("insufficient_scope", error.path("code").asText());
        assertEquals("wallet:write", error.path("details").path("required_scope").asText());
        assertEquals("[\"usage:read\",\"wallet:read\"]", error.path("details").path("granted_scopes").toString());
        assertEquals("Bearer realm=\"modelslab\", error=\"insufficient_scope\", scope=\"wallet:write\"",
                refused.header("WWW-Authenticate"));
        assertEquals(0, BigDecimal.TEN.compareTo(emu.as(reader.token()).get("/wallet/balance").json().path("data").path("balance").decimalValue()));
    }

    @Test
    void aLeastPrivilegeTokenFromLoginCarriesOnlyItsScopes() {
        TestEmulator.TestAccount account = emu.newAccount();
        String token = emu.as(null).post("/auth/login", "{\"email\": \"" + account.email()
                + "\", \"password\": \"password\", \"scopes\": [\"billing:read\"]}").json().path("data").path("access_token").asText();

        assertEquals(200, emu.as(token).get("/billing/invoices").status());
        assertEquals("tokens:read", emu.as(token).get("/auth/tokens").json().path("error").path("details").path("required_scope").asText());
    }

    @Test
    void logoutRevokesOnlyTheCallingToken() {
        TestEmulator.TestAccount account = emu.newAccount();
        String second = login(account);

        assertEquals(200, emu.as(second).post("/auth/logout", null).status());

        assertUnauthenticated(emu.as(second).get("/wallet/balance"));
        assertEquals(200, emu.as(account.token()).get("/wallet/balance").status());
    }

    @Test
    void refreshRotatesTheTokenKeepingItsScopesAndName() {
        TestEmulator.TestAccount account = emu.newAccount(BigDecimal.ZERO, Set.of("wallet:read", "tokens:read"));

        JsonNode fresh = emu.as(account.token()).post("/auth/refresh", "{\"token_expiry\": \"3_months\"}").json().path("data");

        String rotated = fresh.path("access_token").asText();
        assertEquals("3_months", fresh.path("token_expiry").asText());
        assertEquals("[\"tokens:read\",\"wallet:read\"]", fresh.path("scopes").toString());
        assertUnauthenticated(emu.as(account.token()).get("/wallet/balance"));
        JsonNode tokens = emu.as(rotated).get("/auth/tokens").json().path("data");
        assertEquals(1, tokens.size());
        assertEquals("test", tokens.get(0).path("name").asText());
        assertTrue(tokens.get(0).path("current").asBoolean());
    }

    @Test
    void theTokenListShowsNoSecretsAndMarksTheCurrentToken() {
        TestEmulator.TestAccount account = emu.newAccount();
        String other = login(account);

        TestHttp.Answer list = emu.as(account.token()).get("/auth/tokens");

        JsonNode tokens = list.json().path("data");
        assertEquals(2, tokens.size());
        assertFalse(list.body().contains(other.substring(other.indexOf('|') + 1)));
        assertFalse(list.body().contains(account.token().substring(account.token().indexOf('|') + 1)));
        long current = 0;
        for (JsonNode token : tokens) {
            current += token.path("current").asBoolean() ? 1 : 0;
        }
        assertEquals(1, current);
        assertFalse(tokens.get(0).path("last_used_at").isMissingNode());
    }

    @Test
    void revokeOthersKeepsTheCallingTokenOnly() {
        TestEmulator.TestAccount account = emu.newAccount();
        String a = login(account);
        String b = login(account);

        JsonNode revoked = emu.as(account.token()).post("/auth/tokens/revoke-others", null).json().path("data");

        assertEquals(2, revoked.path("revoked_count").asInt());
        assertUnauthenticated(emu.as(a).get("/wallet/balance"));
        assertUnauthenticated(emu.as(b).get("/wallet/balance"));
        assertEquals(200, emu.as(account.token()).get("/wallet/balance").status());
    }

    @Test
    void logoutAllRevokesEveryTokenIncludingTheCallingOne() {
        TestEmulator.TestAccount account = emu.newAccount();
        String other = login(account);

        JsonNode revoked = emu.as(account.token()).post("/auth/logout-all", null).json().path("data");

        assertEquals(2, revoked.path("revoked_count").asInt());
        assertUnauthenticated(emu.as(account.token()).get("/wallet/balance"));
        assertUnauthenticated(emu.as(other).get("/wallet/balance"));
    }

    @Test
    void aTokenIsRevokedByIdAndAnotherAccountsTokenIdIsUnknown() {
        TestEmulator.TestAccount owner = emu.newAccount();
        TestEmulator.TestAccount stranger = emu.newAccount();
        String extra = login(owner);
        long extraId = Long.parseLong(extra.substring(0, extra.indexOf('|')));

        TestHttp.Answer foreign = emu.as(stranger.token()).delete("/auth/tokens/" + extraId);
        assertEquals(404, foreign.status());
        assertEquals("not_found", foreign.json().path("error").path("code").asText());
        assertEquals(200, emu.as(extra).get("/wallet/balance").status());

        assertEquals(200, emu.as(owner.token()).delete("/auth/tokens/" + extraId).status());
        assertUnauthenticated(emu.as(extra).get("/wallet/balance"));
        assertEquals(404, emu.as(owner.token()).delete("/auth/tokens/" + extraId).status());
    }

    private static String login(TestEmulator.TestAccount account) {
        return emu.as(null).post("/auth/login", "{\"email\": \"" + account.email() + "\", \"password\": \"password\"}")
                .json().path("data").path("access_token").asText();
    }
}
