package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.conformance.support.Accounts;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@code POST /auth/switch-account}: a token for a team account, by the guide's and the MCP's
 * {@code account_username} or the CLI's {@code team_member_id}. Teams are seeded on an emulator; a live
 * server is asked only to refuse an account that is no team of the token's.
 */
@ConformanceCheck
class TeamSwitchConformanceTest {

    private final Target target = Target.current();
    private final Api api = target.api();

    /** A member of a fresh team account, on an emulator: the member's token, membership id and the team's username. */
    private record Team(String memberToken, long membershipId, String teamUsername, long teamAccountId) {
    }

    private Team seedATeam() {
        String team = "team-" + Long.toHexString(System.nanoTime());
        JsonNode accounts = target.control().seed(Json.object("accounts", List.of(
                Json.object("email", Accounts.uniqueEmail("team"), "username", team, "balance", 12.5),
                Json.object("email", Accounts.uniqueEmail("member"), "teams", List.of(team),
                        "token", Json.object("name", "conformance-member"))))).path("accounts");
        JsonNode member = accounts.get(1);
        return new Team(member.path("tokens").get(0).path("token").asText(),
                member.path("teams").get(0).path("team_member_id").asLong(), team, accounts.get(0).path("id").asLong());
    }

    @Test
    @Verifies({"switchAccount.either-name", "switchAccount.teams-from-the-seed"})
    void aMemberSwitchesToTheTeamAccountByItsUsernameAndActsAsIt() {
        Team team = seedATeam();

        Answer switched = api.as(team.memberToken()).post("/auth/switch-account",
                Json.object("account_username", team.teamUsername(), "token_expiry", "1_week")).expect(200);

        assertEquals(team.teamAccountId(), switched.data().path("user").path("id").asLong());
        assertEquals("1_week", switched.text("token_expiry"));
        Steps.assertMoney("12.50", Steps.balance(api.as(switched.text("access_token"))));
    }

    @Test
    @Verifies({"switchAccount.either-name", "switchAccount.token-under-both-names", "switchAccount.teams-from-the-seed"})
    void theClisMembershipIdSwitchesTooAndTheTokenIsAlsoCalledToken() {
        Team team = seedATeam();

        Answer switched = api.as(team.memberToken()).post("/auth/switch-account",
                Json.object("team_member_id", Long.toString(team.membershipId()))).expect(200);

        assertEquals(switched.text("access_token"), switched.text("token"));
        Steps.balance(api.as(switched.text("token")));
    }

    @Test
    @Verifies("switchAccount.back-with-an-empty-body")
    void aTokenSwitchedToATeamSwitchesBackWithAnEmptyBody() {
        Team team = seedATeam();
        String teamToken = api.as(team.memberToken()).post("/auth/switch-account",
                Json.object("account_username", team.teamUsername())).expect(200).text("access_token");

        Answer back = api.as(teamToken).post("/auth/switch-account", Json.object()).expect(200);

        assertNotEquals(team.teamAccountId(), back.data().path("user").path("id").asLong());
    }

    @Test
    @Verifies("switchAccount.not-a-member-not-found")
    void anAccountThatIsNoTeamOfTheCallerIsNotFound() {
        target.assumeReady();
        api.as(target.accounts().own().token()).post("/auth/switch-account", Json.object("account_username", "conformance-no-such-team-" + Long.toHexString(System.nanoTime())))
                .expectError(404, "not_found");
    }
}
