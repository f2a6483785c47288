package dev.modelslabtwin.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.routing.ContractOperations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountLifecycleTest {

    private static final AtomicInteger EMAILS = new AtomicInteger();
    @RegisterExtension
    private static final TestEmulator emu = TestEmulator.shared();
    private static TestHttp anonymous;

    @BeforeAll
    static void start() {
        anonymous = emu.as(null);
    }


    private static String signUp() {
        String email = "new-" + EMAILS.incrementAndGet() + "@example.com";
        TestHttp.Answer answer = anonymous.post("/auth/signup",
                "{\"email\": \"" + email + "\", \"password\": \"secret123\", \"name\": \"New Agent\"}");
        assertEquals(201, answer.status(), answer.body());
        return email;
    }

    private static String verificationCode(String email) {
        return emu.database().transaction(db -> Sql.one(db, "SELECT verification_code FROM accounts WHERE email = ?",
                row -> row.getString(1), email)).orElseThrow();
    }

    private static TestHttp.Answer login(String email, String extra) {
        return anonymous.post("/auth/login", "{\"email\": \"" + email + "\", \"password\": \"secret123\"" + extra + "}");
    }

    @Test
    void signupCreatesAnUnverifiedAccountWithoutAToken() {
        String email = "fresh-" + EMAILS.incrementAndGet() + "@example.com";

        JsonNode data = anonymous.post("/auth/signup", "{\"email\": \"" + email + "\", \"password\": \"secret123\"}").json().path("data");

        assertEquals(email, data.path("user").path("email").asText());
        assertFalse(data.path("user").path("verified").asBoolean());
        assertEquals("fresh-" + EMAILS.get(), data.path("user").path("name").asText());
        assertFalse(data.has("access_token"));
    }

    @Test
    void theSameEmailCannotSignUpTwiceWhateverItsCase() {
        String email = signUp();

        TestHttp.Answer again = anonymous.post("/auth/signup", "{\"email\": \"" + email.toUpperCase() + "\", \"password\": \"secret123\"}");

        assertEquals(422, again.status());
        assertEquals("The email has already been taken.", again.json().path("error").path("details").path("email").get(0).asText());
    }

    @Test
    void aPasswordConfirmationThatDiffersIsRefused() {
        TestHttp.Answer answer = anonymous.post("/auth/signup",
                "{\"email\": \"mismatch@example.com\", \"password\": \"secret123\", \"password_confirmation\": \"secret124\"}");

        assertEquals(422, answer.status());
        assertTrue(answer.json().path("error").path("details").has("password"));
    }

    @Test
    void loginBeforeVerificationIsRefusedAndVerificationIssuesAWorkingToken() {
        String email = signUp();
        assertEquals("email_not_verified", login(email, "").json().path("error").path("code").asText());

        TestHttp.Answer verified = anonymous.post("/auth/verify-email", "{\"verification_code\": \"" + verificationCode(email) + "\"}");

        assertEquals(200, verified.status(), verified.body());
        String token = verified.json().path("data").path("access_token").asText();
        assertTrue(verified.json().path("data").path("user").path("verified").asBoolean());
        assertEquals(200, emu.as(token).get("/wallet/balance").status());
        assertEquals(200, login(email, "").status());
    }

    @Test
    void aVerificationCodeWorksOnceOnEitherPath() {
        String email = signUp();
        String code = verificationCode(email);

        assertEquals(200, anonymous.post("/auth/verify", "{\"verification_code\": \"" + code + "\"}").status());
        TestHttp.Answer reused = anonymous.post("/auth/verify-email", "{\"verification_code\": \"" + code + "\"}");

        assertEquals(422, reused.status());
        assertTrue(reused.json().path("error").path("details").has("verification_code"));
    }

    @Test
    void theControlApiShowsTheCodeSignupWouldHaveEmailed() {
        String email = signUp();

        TestHttp.Answer inbox = emu.controlGet("/verification-code?email=" + email);

        assertEquals(verificationCode(email), inbox.json().path("data").path("verification_code").asText());
    }

    @Test
    void aWrongPasswordOrUnknownEmailIsInvalidCredentials() {
        TestHttp.Answer wrong = anonymous.post("/auth/login", "{\"email\": \"agent@example.com\", \"password\": \"not-it\"}");
        TestHttp.Answer unknown = anonymous.post("/auth/login", "{\"email\": \"nobody@example.com\", \"password\": \"secret123\"}");

        assertEquals(401, wrong.status());
        assertEquals("invalid_credentials", wrong.json().path("error").path("code").asText());
        assertEquals(401, unknown.status());
        assertEquals("invalid_credentials", unknown.json().path("error").path("code").asText());
    }

    @Test
    void aDisabledAccountCanNeitherLogInNorUseItsTokens() {
        TestEmulator.TestAccount account = emu.newAccount();
        emu.database().transaction(db -> Sql.update(db, "UPDATE accounts SET disabled = TRUE WHERE id = ?", account.id()));

        TestHttp.Answer login = anonymous.post("/auth/login", "{\"email\": \"" + account.email() + "\", \"password\": \"password\"}");
        TestHttp.Answer call = emu.as(account.token()).get("/wallet/balance");

        assertEquals("access_denied", login.json().path("error").path("code").asText());
        assertEquals(403, call.status());
        assertEquals("access_denied", call.json().path("error").path("code").asText());
    }

    @Test
    void loginHonoursTokenExpiryAndTheTokenStopsWorkingWhenItEnds() {
        TestEmulator.TestAccount account = emu.newAccount();
        Instant before = emu.clock().instant().truncatedTo(ChronoUnit.SECONDS);

        JsonNode issued = anonymous.post("/auth/login", "{\"email\": \"" + account.email()
                + "\", \"password\": \"password\", \"token_expiry\": \"1_week\"}").json().path("data");

        Instant expiresAt = OffsetDateTime.parse(issued.path("expires_at").asText()).toInstant();
        assertTrue(!expiresAt.isBefore(before.plus(Duration.ofDays(7))) && expiresAt.isBefore(before.plus(Duration.ofDays(7)).plusSeconds(60)));
        String token = issued.path("access_token").asText();
        assertEquals(200, emu.as(token).get("/auth/tokens").status());

        emu.clock().advance(Duration.ofDays(7).plusMinutes(1));

        assertEquals(401, emu.as(token).get("/auth/tokens").status());
    }

    @Test
    void theClisExpiryNameIsAcceptedAndNeverMeansNoEnd() {
        TestEmulator.TestAccount account = emu.newAccount();

        JsonNode issued = anonymous.post("/auth/login", "{\"email\": \"" + account.email()
                + "\", \"password\": \"password\", \"expiry\": \"never\"}").json().path("data");

        assertEquals("never", issued.path("token_expiry").asText());
        assertTrue(issued.path("expires_at").isNull());
    }

    @Test
    void anUnknownScopeIsRefusedNotDropped() {
        TestHttp.Answer answer = login("agent@example.com", ", \"scopes\": [\"wallet:read\", \"wallet:everything\"]");

        assertEquals(422, answer.status());
    }

    @Test
    void theScopeListDescribesEveryScopeOfTheContract() {
        JsonNode scopes = anonymous.get("/auth/scopes").json().path("data");

        assertEquals(18, scopes.size());
        assertEquals("*", scopes.get(0).path("scope").asText());
        for (JsonNode scope : scopes) {
            assertFalse(scope.path("description").asText().isBlank(), scope.toString());
        }
    }

    @Test
    void signupIsCountedByTheAuthLimiterPerEmail() {
        try (Emulator live = Emulator.start(Emulator.Options.forTests())) {
            TestHttp stranger = new TestHttp(live.baseUrl(), null);
            int limit = ContractOperations.rateLimits().get(ContractOperations.of("signup").limiter());

            TestHttp.Answer first = signup(stranger, "limit@example.com");
            TestHttp.Answer again = signup(stranger, "limit@example.com");
            TestHttp.Answer another = signup(stranger, "another-limit@example.com");

            assertEquals(Integer.toString(limit), first.header("X-RateLimit-Limit"));
            assertEquals(Integer.toString(limit - 1), first.header("X-RateLimit-Remaining"));
            assertEquals(Integer.toString(limit - 2), again.header("X-RateLimit-Remaining"));
            assertEquals(Integer.toString(limit - 1), another.header("X-RateLimit-Remaining"), "a window per email");
            assertTrue(first.header("X-RateLimit-Reset") != null);
        }
    }

    private static TestHttp.Answer signup(TestHttp http, String email) {
        return http.send("POST", "/auth/signup", "{\"email\": \"" + email + "\", \"password\": \"secret123\"}", Map.of());
    }
}
