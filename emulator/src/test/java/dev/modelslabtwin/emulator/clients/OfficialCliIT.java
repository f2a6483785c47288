package dev.modelslabtwin.emulator.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.client.ModelsLabClient;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.ExternalProgram;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.auth.Teams;
import dev.modelslabtwin.emulator.db.Sql;
import dev.modelslabtwin.emulator.junit.EmulatorBaseUrl;
import dev.modelslabtwin.emulator.junit.EmulatorToken;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The official ModelsLab CLI ({@code modelslab} 0.1.2, npm {@code modelslab-cli-linux-x64} pinned by
 * {@code src/test/modelslab-cli/package-lock.json}, installed into {@code target/modelslab-cli} with
 * {@code npm ci}) runs unchanged against the emulator, pointed at it by {@code MODELSLAB_BASE_URL} and
 * {@code MODELSLAB_TOKEN} as its README says. Each test starts from the seeded default account: $50 in
 * the wallet and one saved Visa. The auth commands run as a person at a fresh terminal does: no
 * {@code MODELSLAB_TOKEN}, a home of their own where {@code auth login} and {@code auth switch-account} keep
 * the token, and the emails the API "sent" read from the emulator's mailbox through the control API. Needs
 * Node.js 18+, npm and Linux on x64 ({@code -Dmodelslab.cli=skip} reports it skipped instead).
 */
@ModelsLabEmulator
class OfficialCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHECKOUT_URL = Pattern.compile("Checkout URL: (\\S+/checkout/(cs_test_[A-Za-z0-9_]+))");
    private static final Pattern API_ERROR = Pattern.compile("API error \\(HTTP (\\d+)\\): (\\{.*})");
    private static Path workDir;
    private static Path cli;

    private String baseUrl;
    private String token;

    @BeforeAll
    static void installTheCli() throws Exception {
        assumeFalse("skip".equals(System.getProperty("modelslab.cli")), "-Dmodelslab.cli=skip: the official CLI is not run");
        Path sources = Path.of(System.getProperty("modelslab.cli.sources", "src/test/modelslab-cli"));
        workDir = Path.of(System.getProperty("modelslab.cli.workDir", "target/modelslab-cli")).toAbsolutePath();
        ExternalProgram.npmCi(sources, workDir, List.of("package.json", "package-lock.json"),
                "modelslab-cli-linux-x64 (the official CLI's Linux x64 binary)", "-Dmodelslab.cli=skip");
        cli = workDir.resolve("node_modules/modelslab-cli-linux-x64/bin/modelslab");
        ExternalProgram.Run version = ExternalProgram.run(workDir, List.of(cli.toString(), "--version"), Map.of(), 30,
                "the CLI's binary runs on Linux x64 only (-Dmodelslab.cli=skip skips this test)");
        assertEquals("modelslab version 0.1.2", version.output().strip());
    }

    @BeforeEach
    void pointTheCliAtTheEmulator(@EmulatorBaseUrl String baseUrl, @EmulatorToken String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    @Test
    void fundingWithPmCardVisaCreditsTheWalletAndLeavesTheSavedCardsUnchanged() throws Exception {
        ExternalProgram.Run cardsBefore = modelslab("billing", "payment-methods");

        ExternalProgram.Run funded = modelslab("wallet", "fund", "--amount", "10", "--payment-method", "pm_card_visa");

        assertEquals(0, funded.exitCode(), funded::output);
        assertTrue(funded.output().contains("Funded $10.00 to wallet."), funded::output);
        assertTrue(funded.output().contains("New balance: $60"), funded::output);
        assertEquals(1, savedCardRows(cardsBefore), cardsBefore::output);
        assertEquals(cardsBefore.output(), modelslab("billing", "payment-methods").output(), "the one-off card is not saved");
        assertEquals("Wallet balance: $60", modelslab("wallet", "balance").output().strip());
    }

    @Test
    void aDeclinedCardIsTheDocumented402AndMovesNoMoney(ModelsLabClient client) throws Exception {
        ExternalProgram.Run declined = modelslab("wallet", "fund", "--amount", "10", "--payment-method", "pm_card_chargeDeclined");

        assertNotEquals(0, declined.exitCode(), declined::output);
        Matcher error = API_ERROR.matcher(declined.output());
        assertTrue(error.find(), declined::output);
        assertEquals("402", error.group(1));
        JsonNode envelope = JSON.readTree(error.group(2));
        assertEquals("payment_declined", envelope.path("error").path("code").asText());
        assertEquals("Your card was declined.", envelope.path("error").path("message").asText());
        assertEquals("generic_decline", envelope.path("error").path("details").path("decline_code").asText());
        String paymentIntent = envelope.path("error").path("details").path("payment_intent_id").asText();
        assertEquals("failed", client.payments().status(paymentIntent).getStatus().getValue());
        assertEquals("Wallet balance: $50", modelslab("wallet", "balance").output().strip());
    }

    @Test
    void fundingWithoutACardChargesNothing(Emulator emulator) throws Exception {
        long paymentsBefore = payments(emulator);

        ExternalProgram.Run fund = modelslab("wallet", "fund", "--amount", "10");

        // The CLI prints "Funded" on any 2xx (internal/cmd/wallet.go); no new balance is answered, so it prints none.
        assertEquals(0, fund.exitCode(), fund::output);
        assertFalse(fund.output().contains("New balance"), fund::output);
        assertEquals(paymentsBefore, payments(emulator), "no card was charged");
        assertEquals("Wallet balance: $50", modelslab("wallet", "balance").output().strip());
    }

    @Test
    void subscribingWithoutACardPrintsTheCheckoutUrlChargesNothingAndStartsOncePaidAndConfirmed(Emulator emulator,
                                                                                              ModelsLabClient client)
            throws Exception {
        long paymentsBefore = payments(emulator);

        ExternalProgram.Run created = modelslab("subscriptions", "create", "--plan-id", "20");

        assertEquals(0, created.exitCode(), created::output);
        Matcher checkout = CHECKOUT_URL.matcher(created.output());
        assertTrue(checkout.find(), created::output);
        assertTrue(checkout.group(1).startsWith(baseUrl + "/checkout/"), created::output);
        assertFalse(created.output().contains("Subscription created!"), created::output);
        assertEquals(paymentsBefore, payments(emulator), "nothing is charged before a person pays");
        assertEquals(0, client.subscriptions().list().size());
        String session = checkout.group(2);

        ExternalProgram.Run tooEarly = modelslab("subscriptions", "confirm-checkout", "--session-id", session);
        assertNotEquals(0, tooEarly.exitCode(), tooEarly::output);
        assertTrue(tooEarly.output().contains("API error (HTTP 409)") && tooEarly.output().contains("checkout_not_completed"),
                tooEarly::output);

        assertEquals(200, payOnTheHostedPage(session));
        ExternalProgram.Run confirmed = modelslab("subscriptions", "confirm-checkout", "--session-id", session);

        assertEquals(0, confirmed.exitCode(), confirmed::output);
        assertTrue(confirmed.output().contains("Subscription checkout confirmed."), confirmed::output);
        String listed = modelslab("subscriptions", "list").output();
        assertTrue(listed.contains("Standard") && listed.contains("active"), listed);
        assertEquals("Wallet balance: $50", modelslab("wallet", "balance").output().strip());
    }

    @Test
    void signingUpVerifyingByTheEmailedLinkAndLoggingInWorksOffline(@TempDir Path home) throws Exception {
        ExternalProgram.Run signedUp = freshTerminal(home, "auth", "signup", "--email", "new-agent@example.com",
                "--password", "first-Passw0rd", "--name", "New Agent");

        assertEquals(0, signedUp.exitCode(), signedUp::output);
        assertTrue(signedUp.output().contains("Account created! Check your email for verification."), signedUp::output);
        JsonNode mail = latestMail("new-agent@example.com");
        assertEquals("verification", mail.path("kind").asText());
        assertEquals(302, open(mail.path("link").asText()), "a person opens the emailed /verify/{token} link");
        ExternalProgram.Run login = freshTerminal(home, "auth", "login", "--email", "new-agent@example.com",
                "--password", "first-Passw0rd");
        assertEquals(0, login.exitCode(), login::output);
        assertTrue(login.output().contains("Logged in as new-agent@example.com (profile: default)"), login::output);
        assertEquals("Wallet balance: $0", freshTerminal(home, "wallet", "balance").output().strip(), "the stored token works");
    }

    @Test
    void resendVerificationMailsAFreshLinkThatVerifiesTheAccount(@TempDir Path home) throws Exception {
        freshTerminal(home, "auth", "signup", "--email", "slow-reader@example.com", "--password", "first-Passw0rd",
                "--name", "Slow Reader");
        String firstLink = latestMail("slow-reader@example.com").path("link").asText();

        ExternalProgram.Run resent = freshTerminal(home, "auth", "resend-verification", "--email", "slow-reader@example.com");

        assertEquals(0, resent.exitCode(), resent::output);
        assertTrue(resent.output().contains("Verification email resent to slow-reader@example.com"), resent::output);
        JsonNode mail = latestMail("slow-reader@example.com");
        assertEquals("verification", mail.path("kind").asText());
        assertNotEquals(firstLink, mail.path("link").asText(), "a new email, not the first one again");
        assertEquals(302, open(mail.path("link").asText()));
        assertEquals(0, freshTerminal(home, "auth", "login", "--email", "slow-reader@example.com", "--password",
                "first-Passw0rd").exitCode());
    }

    @Test
    void forgotPasswordMailsATokenThatResetPasswordTakesAndLoginAcceptsOnlyTheNewPassword(@TempDir Path home)
            throws Exception {
        ExternalProgram.Run forgot = freshTerminal(home, "auth", "forgot-password", "--email", "agent@example.com");

        assertEquals(0, forgot.exitCode(), forgot::output);
        assertTrue(forgot.output().contains("Password reset email sent to agent@example.com"), forgot::output);
        String resetToken = latestMail("agent@example.com").path("reset_token").asText();
        ExternalProgram.Run reset = freshTerminal(home, "auth", "reset-password", "--email", "agent@example.com",
                "--token", resetToken, "--password", "second-Passw0rd");
        assertEquals(0, reset.exitCode(), reset::output);
        assertTrue(reset.output().contains("Password reset successfully."), reset::output);
        assertNotEquals(0, freshTerminal(home, "auth", "login", "--email", "agent@example.com", "--password", "password")
                .exitCode(), "the old password no longer logs in");
        ExternalProgram.Run login = freshTerminal(home, "auth", "login", "--email", "agent@example.com", "--password",
                "second-Passw0rd");
        assertEquals(0, login.exitCode(), login::output);
        assertEquals("Wallet balance: $50", freshTerminal(home, "wallet", "balance").output().strip());
    }

    @Test
    void loginHandsTheCliTheAccountsApiKey(@TempDir Path home) throws Exception {
        freshTerminal(home, "auth", "login", "--email", "agent@example.com", "--password", "password");

        ExternalProgram.Run status = freshTerminal(home, "auth", "status");

        assertEquals(0, status.exitCode(), status::output);
        String apiKeyLine = status.output().lines().filter(line -> line.contains("API Key")).findFirst().orElseThrow();
        assertFalse(apiKeyLine.contains("Not set"), status::output);
    }

    /**
     * {@code auth switch-account --member-id}, the id of a membership of a team seeded through a seed file:
     * studio-member (password "member-Passw0rd", $1.00) is a member of acme-studio ($42.00).
     */
    @Nested
    @ModelsLabEmulator(seed = "clients/cli-team-seed.yaml")
    class WithASeededTeam {

        private Path home;

        @BeforeEach
        void logInAsTheMember(@TempDir Path home, @EmulatorBaseUrl String baseUrl) throws Exception {
            this.home = home;
            OfficialCliIT.this.baseUrl = baseUrl;
            ExternalProgram.Run login = freshTerminal(home, "auth", "login", "--email", "member@example.com", "--password",
                    "member-Passw0rd");
            assertEquals(0, login.exitCode(), login::output);
            assertEquals("Wallet balance: $1", freshTerminal(home, "wallet", "balance").output().strip());
        }

        @Test
        void switchAccountWithTheMembershipIdActsAsTheTeamAccount(Emulator emulator) throws Exception {
            String memberId = Long.toString(membershipOf(emulator, "member@example.com"));

            ExternalProgram.Run switched = freshTerminal(home, "auth", "switch-account", "--member-id", memberId);

            assertEquals(0, switched.exitCode(), switched::output);
            assertTrue(switched.output().contains("Switched to team member context: " + memberId), switched::output);
            assertEquals("Wallet balance: $42", freshTerminal(home, "wallet", "balance").output().strip(),
                    "the token the CLI kept is the team account's");
        }

        @Test
        void switchAccountWithoutAMemberIdSwitchesBackToThePersonalAccount(Emulator emulator) throws Exception {
            freshTerminal(home, "auth", "switch-account", "--member-id",
                    Long.toString(membershipOf(emulator, "member@example.com")));

            ExternalProgram.Run back = freshTerminal(home, "auth", "switch-account");

            assertEquals(0, back.exitCode(), back::output);
            assertTrue(back.output().contains("Switched back to personal account."), back::output);
            assertEquals("Wallet balance: $1", freshTerminal(home, "wallet", "balance").output().strip());
        }

        private static long membershipOf(Emulator emulator, String email) {
            return emulator.services().database().transaction(db -> Teams.of(db,
                    Accounts.byEmail(db, email).orElseThrow().id()).get(0).id());
        }
    }

    /** Runs {@code modelslab <args>} as its README says to point it elsewhere, with no update check and a home of its own. */
    private ExternalProgram.Run modelslab(String... args) throws Exception {
        return run(Map.of("MODELSLAB_TOKEN", token, "HOME", workDir.resolve("home").toString()), args);
    }

    /**
     * Runs {@code modelslab <args>} as at a fresh terminal: no {@code MODELSLAB_TOKEN}, {@code home} where the
     * CLI keeps what login stored (in its file, with no keyring to reach over D-Bus).
     */
    private ExternalProgram.Run freshTerminal(Path home, String... args) throws Exception {
        return run(Map.of("MODELSLAB_TOKEN", "", "HOME", home.toString(), "DBUS_SESSION_BUS_ADDRESS",
                "unix:path=" + home.resolve("no-session-bus")), args);
    }

    private ExternalProgram.Run run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--no-update-check"));
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(Map.of("MODELSLAB_BASE_URL", baseUrl, "MODELSLAB_NO_UPDATE_CHECK", "1", "NO_COLOR", "1"));
        return ExternalProgram.run(workDir, command, all, 60,
                "the CLI's binary runs on Linux x64 only (-Dmodelslab.cli=skip skips this test)");
    }

    /** The newest email the API sent to {@code to}, read from the mailbox through the control API. */
    private JsonNode latestMail(String to) throws Exception {
        HttpRequest read = HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/mailbox/latest?to="
                + URLEncoder.encode(to, StandardCharsets.UTF_8))).GET().build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(read, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        return JSON.readTree(answer.body()).path("data");
    }

    /** A person opening an emailed link in a browser; the status of the first answer (links redirect). */
    private static int open(String link) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(link)).header("Accept", "text/html").GET().build();
        return HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A person paying the Checkout page with a card, through the control API. */
    private int payOnTheHostedPage(String session) throws Exception {
        HttpRequest pay = HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/checkout/sessions/" + session + "/pay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"payment_method\": \"pm_card_visa\"}")).build();
        return HttpClient.newHttpClient().send(pay, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static long savedCardRows(ExternalProgram.Run list) {
        return list.output().lines().filter(line -> line.startsWith("pm_")).count();
    }

    private static long payments(Emulator emulator) {
        return emulator.services().database().transaction(db -> Sql.number(db, "SELECT COUNT(*) FROM payment_intents")
                .longValue());
    }
}
