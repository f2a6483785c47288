package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.auth.AccessTokens;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.core.EmulatedClock;
import dev.modelslabtwin.emulator.wallet.Ledger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A whole emulator for one test class: in memory, on a free port, seeded with the built-in seed, with
 * the rate limits lifted so behaviour tests are not throttled (the limits have their own tests).
 * Usually registered as {@code @RegisterExtension static final TestEmulator emu = TestEmulator.perClass();},
 * which starts it before the class's first test and closes it after the last.
 */
public final class TestEmulator implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** A fresh account made for a test: its id, email and a full-scope token. */
    public record TestAccount(long id, String email, String token) {
    }

    private Emulator emulator;
    private int accounts;

    private TestEmulator(Emulator emulator) {
        this.emulator = emulator;
    }

    /** A started emulator, closed by the caller. */
    public static TestEmulator start() {
        return new TestEmulator(unthrottled());
    }

    /** An emulator for a test class's lifetime, as a JUnit extension (see the class comment). */
    public static TestEmulator perClass() {
        return new TestEmulator(null);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = unthrottled();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static Emulator unthrottled() {
        return Emulator.start(Emulator.Options.forTests().withRateLimits(false));
    }

    public Emulator emulator() {
        return emulator;
    }

    /** A client holding the seeded default account's token; every answer is checked against the contract. */
    public TestHttp http() {
        return as(emulator.defaultToken());
    }

    /** A contract-checked client holding {@code token} (null: no Authorization header). */
    public TestHttp as(String token) {
        return new TestHttp(emulator.baseUrl(), token).contractChecked();
    }

    /** A client of the control API whose answers are checked against its own document. */
    public ControlHttp control() {
        return new ControlHttp(emulator.baseUrl());
    }

    /** A GET on the control API, e.g. {@code controlGet("/test-cards")}. */
    public TestHttp.Answer controlGet(String path) {
        return control().get(path);
    }

    /** A POST on the control API, e.g. {@code controlPost("/clock/advance", "{\"duration\": \"PT25H\"}")}. */
    public TestHttp.Answer controlPost(String path, String body) {
        return control().post(path, body);
    }

    public EmulatedClock clock() {
        return emulator.services().clock();
    }

    public Database database() {
        return emulator.services().database();
    }

    /** A new verified account with an empty wallet, no cards and a {@code *} token. */
    public TestAccount newAccount() {
        return newAccount(BigDecimal.ZERO, Set.of("*"));
    }

    /** A new verified account with {@code balance} in its wallet and a token holding {@code scopes}. */
    public synchronized TestAccount newAccount(BigDecimal balance, Set<String> scopes) {
        String email = "test-" + (++accounts) + "-" + System.nanoTime() + "@example.com";
        return database().transaction(db -> {
            var now = clock().instant();
            Accounts.Account account = Accounts.create(db,
                    new Accounts.NewAccount(email, "Test Account", null, "password", true, false), now);
            if (balance.signum() > 0) {
                Ledger.credit(db, account.id(), balance, new Ledger.Entry("seed", null, "wallet_funding", "Test balance"), now);
            }
            String token = AccessTokens.issue(db, account.id(), "test", scopes, now, null).plainText();
            return new TestAccount(account.id(), email, token);
        });
    }

    @Override
    public void close() {
        emulator.close();
    }
}
