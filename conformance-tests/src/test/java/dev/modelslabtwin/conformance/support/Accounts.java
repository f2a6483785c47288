package dev.modelslabtwin.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accounts to run checks with. On an emulator each check gets a fresh account, made the way an agent
 * makes one (signup, then the code from the verification email, read through the control API), so
 * checks never share state. A live server offers the account of the configured token only.
 */
public final class Accounts {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final Target target;

    Accounts(Target target) {
        this.target = target;
    }

    /** An account of the target: its id (when known), email, password (when known) and a {@code *} token. */
    public record Account(long id, String email, String password, String token) {
    }

    /** A new, verified account with an empty wallet and a {@code *} token (emulator only). */
    public Account fresh() {
        target.assumeEmulator("a fresh account needs the verification email, which only the emulator can read");
        String email = uniqueEmail("agent");
        String password = "conformance-" + Long.toHexString(System.nanoTime());
        Api api = target.api().withoutToken();
        long id = api.post("/auth/signup", Json.object("email", email, "password", password, "name", "Conformance Agent"))
                .expect(201).data().path("user").path("id").asLong();
        String code = target.control().verificationCode(email);
        String token = api.post("/auth/verify-email", Json.object("verification_code", code))
                .expect(200).text("access_token");
        return new Account(id, email, password, token);
    }

    /**
     * The account checks that only read (or restore what they change) run with: a fresh one on an
     * emulator, the configured token's account on a live server.
     */
    public Account own() {
        if (target.isEmulator()) {
            return fresh();
        }
        Settings settings = target.settings();
        return new Account(-1, settings.email(), settings.password(), settings.token());
    }

    /**
     * {@link #own()} with its password, for checks that log in: on a live server it comes from
     * {@code -Dconformance.email} / {@code -Dconformance.password}, and the check is skipped without them.
     */
    public Account ownWithPassword() {
        Account account = own();
        Assumptions.assumeTrue(account.password() != null && !account.password().isEmpty(),
                "logging in needs the account's credentials: set -Dconformance.email and -Dconformance.password");
        return account;
    }

    /** A second, unrelated account, to show one account never sees another's data. */
    public Account other() {
        if (target.isEmulator()) {
            return fresh();
        }
        Assumptions.assumeTrue(!target.settings().secondToken().isEmpty(),
                "isolation checks need a second account: set -Dconformance.secondToken=... (a token of another account)");
        return new Account(-1, "", "", target.settings().secondToken());
    }

    /** A new token of {@code account} holding {@code scopes}, from {@code POST /auth/login}. */
    public String login(Account account, List<String> scopes) {
        Assumptions.assumeTrue(account.password() != null && !account.password().isEmpty(),
                "minting tokens needs the account's password: set -Dconformance.email and -Dconformance.password");
        JsonNode body = Json.object("email", account.email(), "password", account.password(),
                "device_name", "conformance-suite", "scopes", scopes);
        return target.api().withoutToken().post("/auth/login", body).expect(200).text("access_token");
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + SERIAL.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()) + "@conformance.example.com";
    }
}
