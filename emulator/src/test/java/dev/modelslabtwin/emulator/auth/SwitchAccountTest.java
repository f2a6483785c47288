package dev.modelslabtwin.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.modelslabtwin.emulator.wallet.WalletTests.assertMoney;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /auth/switch-account: a token for a team account, with teams seeded through the seed file. */
class SwitchAccountTest {

    @RegisterExtension
    static final TestEmulator emu = TestEmulator.shared();

    private String member;
    private long membershipId;
    private long studioId;

    /** acme-studio's team has a member; another account belongs to no team. */
    @BeforeEach
    void seedATeam() {
        JsonNode seeded = emu.controlPost("/seed", """
                {"accounts": [
                  {"email": "member@example.com", "username": "studio-member", "teams": ["acme-studio"], "balance": 1.00,
                   "token": {"name": "member-laptop", "secret": "member_token_secret_0123456789"}},
                  {"email": "studio@example.com", "username": "acme-studio", "name": "Acme Studio", "balance": 42.00},
                  {"email": "loner@example.com", "username": "loner"}
                ]}""").json().path("data").path("accounts");
        member = seeded.get(0).path("tokens").get(0).path("token").asText();
        membershipId = seeded.get(0).path("teams").get(0).path("team_member_id").asLong();
        studioId = seeded.get(1).path("id").asLong();
        assertEquals(studioId, seeded.get(0).path("teams").get(0).path("account_id").asLong());
    }

    private TestHttp.Answer switchAs(String token, String body) {
        return emu.as(token).post("/auth/switch-account", body);
    }

    @Test
    void aTeamMemberSwitchesByTheTeamAccountsUsernameAndActsAsIt() {
        TestHttp.Answer switched = switchAs(member, "{\"account_username\": \"acme-studio\"}");

        assertEquals(200, switched.status(), switched.body());
        JsonNode data = switched.json().path("data");
        assertEquals(studioId, data.path("user").path("id").asLong());
        assertMoney("42.00", emu.as(data.path("access_token").asText()).get("/wallet/balance").json().path("data").path("balance"));
    }

    @Test
    void theClisTeamMemberIdSwitchesTooAndTheTokenIsAnsweredUnderBothNames() {
        TestHttp.Answer switched = switchAs(member, "{\"team_member_id\": \"" + membershipId + "\"}");

        assertEquals(200, switched.status(), switched.body());
        JsonNode data = switched.json().path("data");
        assertEquals(data.path("access_token").asText(), data.path("token").asText());
        assertEquals(studioId, data.path("user").path("id").asLong());
    }

    @Test
    void bothNamesMayBeSentWhenTheyNameTheSameTeam() {
        TestHttp.Answer switched = switchAs(member, "{\"account_username\": \"acme-studio\", \"team_member_id\": \""
                + membershipId + "\"}");

        assertEquals(200, switched.status(), switched.body());
    }

    @Test
    void anAccountTheCallerIsNoTeamMemberOfIsNotFoundLikeOneThatDoesNotExist() {
        TestHttp.Answer notAMember = switchAs(member, "{\"account_username\": \"loner\"}");
        TestHttp.Answer nobody = switchAs(member, "{\"account_username\": \"no-such-account\"}");

        assertEquals(404, notAMember.status());
        assertEquals("not_found", notAMember.json().path("error").path("code").asText());
        assertEquals(404, nobody.status());
        assertEquals(notAMember.json().path("error").path("details").size(), nobody.json().path("error").path("details").size());
    }

    @Test
    void anotherMembersIdIsNotFound() {
        String loner = emu.controlPost("/accounts/" + accountId("loner@example.com") + "/tokens", "{}").json().path("data")
                .path("token").asText();

        TestHttp.Answer answer = switchAs(loner, "{\"team_member_id\": \"" + membershipId + "\"}");

        assertEquals(404, answer.status());
    }

    @Test
    void namesOfTwoDifferentTeamsAreRefused() {
        emu.controlPost("/seed", "{\"accounts\": [{\"email\": \"second-team@example.com\", \"username\": \"second-team\"}]}");
        JsonNode seeded = emu.controlPost("/seed", "{\"accounts\": [{\"email\": \"two-teams@example.com\", "
                + "\"teams\": [\"acme-studio\", \"second-team\"], \"token\": {\"secret\": \"two_teams_token_secret_0123456789\"}}]}")
                .json().path("data").path("accounts").get(0);
        String token = seeded.path("tokens").get(0).path("token").asText();
        long secondMembership = seeded.path("teams").get(1).path("team_member_id").asLong();

        TestHttp.Answer answer = switchAs(token, "{\"account_username\": \"acme-studio\", \"team_member_id\": \""
                + secondMembership + "\"}");

        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.json().path("error").path("details").has("team_member_id"));
    }

    @Test
    void switchingNeedsTheTokensWriteScope() {
        String narrow = emu.controlPost("/accounts/" + accountId("member@example.com") + "/tokens",
                "{\"scopes\": [\"wallet:read\"]}").json().path("data").path("token").asText();

        TestHttp.Answer refused = switchAs(narrow, "{\"account_username\": \"acme-studio\"}");

        assertEquals(403, refused.status());
        assertEquals("tokens:write", refused.json().path("error").path("details").path("required_scope").asText());
    }

    @Test
    void theNewTokenHasTheScopesAskedForWhenTheCallerHoldsThem() {
        TestHttp.Answer switched = switchAs(member, "{\"account_username\": \"acme-studio\", \"scopes\": [\"wallet:read\"]}");

        String token = switched.json().path("data").path("access_token").asText();
        assertEquals(List.of("wallet:read"), List.of(switched.json().path("data").path("scopes").get(0).asText()));
        assertEquals(200, emu.as(token).get("/wallet/balance").status());
        assertEquals(403, emu.as(token).get("/billing/overview").status());
    }

    @Test
    void askingForAScopeTheCallerLacksIsInsufficientScopeNeverAWiderToken() {
        String narrow = emu.controlPost("/accounts/" + accountId("member@example.com") + "/tokens",
                "{\"scopes\": [\"tokens:write\", \"wallet:read\"]}").json().path("data").path("token").asText();

        TestHttp.Answer refused = switchAs(narrow, "{\"account_username\": \"acme-studio\", \"scopes\": [\"wallet:write\"]}");

        assertEquals(403, refused.status(), refused.body());
        assertEquals("insufficient_scope", refused.json().path("error").path("code").asText());
        assertEquals("wallet:write", refused.json().path("error").path("details").path("required_scope").asText());
    }

    @Test
    void withoutScopesTheNewTokenHasTheCallersScopes() {
        String narrow = emu.controlPost("/accounts/" + accountId("member@example.com") + "/tokens",
                "{\"scopes\": [\"tokens:write\", \"wallet:read\"]}").json().path("data").path("token").asText();

        JsonNode data = switchAs(narrow, "{\"account_username\": \"acme-studio\"}").json().path("data");

        assertEquals("[\"tokens:write\",\"wallet:read\"]", data.path("scopes").toString());
    }

    @Test
    void theNewTokenTakesTheLifetimeAndNameAskedFor() {
        JsonNode data = switchAs(member, "{\"account_username\": \"acme-studio\", \"token_expiry\": \"1_week\", "
                + "\"device_name\": \"studio-agent\"}").json().path("data");

        assertEquals("1_week", data.path("token_expiry").asText());
        JsonNode tokens = emu.as(data.path("access_token").asText()).get("/auth/tokens").json().path("data");
        assertEquals("studio-agent", tokens.get(0).path("name").asText());
    }

    @Test
    void theCallingTokenKeepsWorking() {
        switchAs(member, "{\"account_username\": \"acme-studio\"}");

        assertEquals(200, emu.as(member).get("/wallet/balance").status());
    }

    @Test
    void anEmptyBodySwitchesBackToTheAccountTheTokenWasSwitchedFrom() {
        String studio = switchAs(member, "{\"account_username\": \"acme-studio\"}").json().path("data").path("token").asText();

        TestHttp.Answer back = switchAs(studio, "{}");

        assertEquals(200, back.status(), back.body());
        assertEquals(accountId("member@example.com"), back.json().path("data").path("user").path("id").asLong());
    }

    @Test
    void anEmptyBodyFromATokenThatWasNotSwitchedNamesNoAccount() {
        TestHttp.Answer refused = switchAs(member, "{}");

        assertEquals(422, refused.status());
        assertTrue(refused.json().path("error").path("details").has("account_username"), refused.body());
    }

    @Test
    void aSeedNamingAnUnknownTeamIsRefusedWhole() {
        TestHttp.Answer refused = emu.control().post("/seed", "{\"accounts\": [{\"email\": \"orphan@example.com\", "
                + "\"teams\": [\"no-such-team\"]}]}");

        assertEquals(422, refused.status());
        assertTrue(refused.json().path("error").path("details").has("accounts.0.teams.0"), refused.body());
        assertFalse(emu.controlGet("/accounts").json().path("data").findValuesAsText("email").contains("orphan@example.com"));
    }

    private static long accountId(String email) {
        for (JsonNode account : emu.controlGet("/accounts").json().path("data")) {
            if (account.path("email").asText().equals(email)) {
                return account.path("id").asLong();
            }
        }
        throw new AssertionError("no account " + email);
    }
}
