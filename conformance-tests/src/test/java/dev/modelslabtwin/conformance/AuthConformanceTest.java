package dev.modelslabtwin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelslabtwin.conformance.support.Accounts;
import dev.modelslabtwin.conformance.support.Answer;
import dev.modelslabtwin.conformance.support.Api;
import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.ContractIndex;
import dev.modelslabtwin.conformance.support.Impact;
import dev.modelslabtwin.conformance.support.Json;
import dev.modelslabtwin.conformance.support.Target;
import dev.modelslabtwin.conformance.support.Verifies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing up, verifying, logging in, and the life of bearer tokens: issued, listed, rotated, revoked. */
@ConformanceCheck
class AuthConformanceTest {

    private final Target target = Target.current();
    private final Api api = target.api();
    /** Tokens a check logged in for; logged out after it, so nothing is left behind on a live account. */
    private final List<String> minted = new ArrayList<>();

    @AfterEach
    void logOutWhatWasMinted() {
        minted.forEach(token -> api.as(token).post("/auth/logout"));
    }

    @Test
    @Verifies({"signup.no-token", "signup.sends-verification-email", "verifyEmail.first-token-full-scope"})
    void signingUpSendsAVerificationEmailAndVerifyingItIssuesTheFirstFullScopeToken() {
        target.assumeEmulator("reading the verification email needs the emulator's inbox");
        String email = Accounts.uniqueEmail("signup");
        Answer signup = api.withoutToken().post("/auth/signup",
                Json.object("email", email, "password", "correct-horse-1", "name", "Signup Agent")).expect(201);
        assertFalse(signup.data().path("user").path("verified").asBoolean(), signup.body());
        assertFalse(signup.data().has("access_token"), "signup issues no token: " + signup.body());

        api.withoutToken().post("/auth/login", Json.object("email", email, "password", "correct-horse-1"))
                .expectError(403, "email_not_verified");

        Answer verified = api.withoutToken().post("/auth/verify-email",
                Json.object("verification_code", target.control().verificationCode(email))).expect(200);
        assertEquals("Bearer", verified.text("token_type"));
        assertEquals("1_month", verified.text("token_expiry"));
        assertEquals(List.of("*"), texts(verified.data().path("scopes")));
        assertTrue(verified.data().path("user").path("verified").asBoolean());
        Steps.assertMoney("0.00", Steps.balance(api.as(verified.text("access_token"))));

        api.withoutToken().post("/auth/signup", Json.object("email", email, "password", "another-pass-2"))
                .expectInvalid("email");
    }

    @Test
    @Verifies("verifyEmail.code-works-once")
    void theVerifyPathOfTheEndpointTableVerifiesTooAndACodeWorksOnce() {
        target.assumeEmulator("reading the verification email needs the emulator's inbox");
        String email = Accounts.uniqueEmail("alias");
        api.withoutToken().post("/auth/signup", Json.object("email", email, "password", "correct-horse-1")).expect(201);
        String code = target.control().verificationCode(email);

        String token = api.withoutToken().post("/auth/verify", Json.object("verification_code", code)).expect(200)
                .text("access_token");

        Steps.balance(api.as(token));
        api.withoutToken().post("/auth/verify", Json.object("verification_code", code)).expectInvalid("verification_code");
    }

    @Test
    @Verifies("login.wrong-credentials")
    void wrongCredentialsAreRefusedWithoutSayingWhichPartWasWrong() {
        api.withoutToken().post("/auth/login", Json.object("email", Accounts.uniqueEmail("nobody"), "password", "whatever-1"))
                .expectError(401, "invalid_credentials");
    }

    @Test
    @Verifies({"login.lifetime", "login.scoped-token"})
    void aLoginTokenCarriesTheLifetimeAndTheScopesAskedFor() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "minting tokens");
        Accounts.Account account = target.accounts().ownWithPassword();

        Answer week = login(account, Json.object("token_expiry", "1_week", "scopes", List.of("wallet:read")));
        Answer month = login(account, Json.object("token_expiry", "1_month"));
        Answer cli = login(account, Json.object("expiry", "3_months"));
        Answer forever = login(account, Json.object("token_expiry", "never"));

        assertEquals("1_week", week.text("token_expiry"));
        assertEquals(List.of("wallet:read"), texts(week.data().path("scopes")));
        long days = Duration.between(OffsetDateTime.parse(week.text("expires_at")),
                OffsetDateTime.parse(month.text("expires_at"))).toDays();
        assertTrue(days >= 20 && days <= 24, "a month outlives a week by 3 weeks or so, not " + days + " days");
        assertEquals("3_months", cli.text("token_expiry"), "the CLI's expiry is read as token_expiry");
        assertTrue(forever.data().path("expires_at").isNull(), "a token that never expires has expires_at null: " + forever.body());
        Api reader = api.as(week.text("access_token"));
        Steps.balance(reader);
        Answer refused = reader.get("/billing/overview").expectError(403, "insufficient_scope");
        assertEquals("billing:read", refused.details().path("required_scope").asText());
        assertEquals(List.of("wallet:read"), texts(refused.details().path("granted_scopes")));
        assertTrue(refused.header("WWW-Authenticate").contains("scope=\"billing:read\""), refused.header("WWW-Authenticate"));
    }

    @Test
    @Verifies("listTokens.newest-first-current-marked")
    void tokensAreListedNewestFirstWithTheirScopesAndTheCallingOneMarked() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "minting tokens");
        Accounts.Account account = target.accounts().ownWithPassword();
        String caller = mint(account, "*");
        mint(account, "wallet:read", "billing:read");

        JsonNode tokens = api.as(caller).get("/auth/tokens").expect(200).data();

        JsonNode newest = tokens.get(0);
        assertEquals(Set.of("wallet:read", "billing:read"), Set.copyOf(texts(newest.path("scopes"))), tokens.toString());
        assertFalse(newest.path("current").asBoolean());
        long current = 0;
        for (JsonNode token : tokens) {
            current += token.path("current").asBoolean() ? 1 : 0;
        }
        assertEquals(1, current, "exactly the calling token is current: " + tokens);
        assertEquals(List.of("*"), texts(tokens.get(1).path("scopes")), tokens.toString());
        assertTrue(tokens.get(1).path("current").asBoolean(), tokens.toString());
    }

    @Test
    @Verifies("revokeToken.stops-working")
    void aRevokedTokenStopsWorkingAndCannotBeRevokedTwice() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "minting and revoking tokens");
        Accounts.Account account = target.accounts().ownWithPassword();
        String caller = mint(account, "*");
        String doomed = mint(account, "wallet:read");
        long id = api.as(caller).get("/auth/tokens").expect(200).data().get(0).path("id").asLong();

        Answer revoked = api.as(caller).delete("/auth/tokens/" + id).expect(200);

        assertEquals(1, revoked.data().path("revoked_count").asInt());
        api.as(doomed).get("/wallet/balance").expectError(401, "unauthenticated");
        api.as(caller).delete("/auth/tokens/" + id).expectError(404, "not_found");
    }

    @Test
    @Verifies("refreshToken.rotates")
    void refreshingRotatesTheCallingTokenAndKeepsItsScopes() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "rotating tokens");
        String old = mint(target.accounts().ownWithPassword(), "wallet:read");

        Answer rotated = api.as(old).post("/auth/refresh", Json.object("token_expiry", "1_week", "device_name", "rotated-agent"))
                .expect(200);
        String fresh = rotated.text("access_token");
        minted.add(fresh);

        assertNotEquals(old, fresh);
        assertEquals("1_week", rotated.text("token_expiry"));
        api.as(old).get("/wallet/balance").expectError(401, "unauthenticated");
        Steps.balance(api.as(fresh));
        api.as(fresh).get("/billing/overview").expectError(403, "insufficient_scope");
        minted.add(api.as(fresh).post("/auth/refresh").expect(200).text("access_token"));
        api.as(fresh).get("/wallet/balance").expectError(401, "unauthenticated");
    }

    @Test
    @Verifies("logout.only-the-calling-token")
    void loggingOutRevokesOnlyTheCallingToken() {
        target.assumeAllowed(Impact.ACCOUNT_CHANGE, "minting and revoking tokens");
        Accounts.Account account = target.accounts().ownWithPassword();
        String kept = mint(account, "*");
        String leaving = mint(account, "*");

        api.as(leaving).post("/auth/logout").expect(200);

        api.as(leaving).get("/wallet/balance").expectError(401, "unauthenticated");
        api.as(leaving).post("/auth/logout").expectError(401, "unauthenticated");
        Steps.balance(api.as(kept));
    }

    @Test
    @Verifies("revokeOtherTokens.keeps-the-calling-one")
    void revokingTheOtherTokensKeepsOnlyTheCallingOne() {
        target.assumeEmulator("it would revoke every other token of your live account, the one this run uses included");
        Accounts.Account account = target.accounts().fresh();
        String first = target.accounts().login(account, List.of("wallet:read"));
        String second = target.accounts().login(account, List.of("tokens:read"));
        String caller = target.accounts().login(account, List.of("tokens:write", "tokens:read"));

        Answer revoked = api.as(caller).post("/auth/tokens/revoke-others").expect(200);

        assertEquals(3, revoked.data().path("revoked_count").asInt(), "the verification token and the two others: " + revoked.body());
        for (String token : List.of(account.token(), first, second)) {
            api.as(token).get("/wallet/balance").expectError(401, "unauthenticated");
        }
        assertEquals(1, api.as(caller).get("/auth/tokens").expect(200).data().size());
    }

    @Test
    @Verifies("logoutAll.every-token")
    void loggingOutEverywhereRevokesEveryTokenOfTheAccount() {
        target.assumeEmulator("it would revoke every token of your live account, the one this run uses included");
        Accounts.Account account = target.accounts().fresh();
        String other = target.accounts().login(account, List.of("wallet:read"));

        Answer revoked = api.as(account.token()).post("/auth/logout-all").expect(200);

        assertEquals(2, revoked.data().path("revoked_count").asInt(), revoked.body());
        api.as(other).get("/wallet/balance").expectError(401, "unauthenticated");
        api.as(account.token()).get("/wallet/balance").expectError(401, "unauthenticated");
    }

    @Test
    @Verifies("listScopes.public")
    void theScopeCatalogueIsPublicAndListsExactlyTheContractsScopes() {
        Answer scopes = api.withoutToken().get("/auth/scopes").expect(200);

        Set<String> served = new TreeSet<>();
        scopes.data().forEach(s -> served.add(s.path("scope").asText()));
        assertEquals(contractScopes(), served);
        scopes.data().forEach(s -> assertFalse(s.path("description").asText().isBlank(), s.toString()));
    }

    private String mint(Accounts.Account account, String... scopes) {
        String token = target.accounts().login(account, List.of(scopes));
        minted.add(token);
        return token;
    }

    private Answer login(Accounts.Account account, JsonNode terms) {
        ObjectNode body = Json.object("email", account.email(), "password", account.password(), "device_name", "conformance-suite");
        body.setAll((ObjectNode) terms);
        Answer answer = api.withoutToken().post("/auth/login", body).expect(200);
        minted.add(answer.text("access_token"));
        return answer;
    }

    private static Set<String> contractScopes() {
        Set<String> scopes = new TreeSet<>();
        ContractIndex.get().document().getComponents().getSchemas().get("Scope").getEnum()
                .forEach(scope -> scopes.add(scope.toString()));
        return scopes;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
