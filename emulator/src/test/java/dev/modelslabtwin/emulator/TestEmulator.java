package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.auth.AccessTokens;
import dev.modelslabtwin.emulator.auth.Accounts;
import dev.modelslabtwin.emulator.core.EmulatedClock;
import dev.modelslabtwin.emulator.db.Database;
import dev.modelslabtwin.emulator.junit.ModelsLabEmulatorExtension;
import dev.modelslabtwin.emulator.mail.Mailbox;
import dev.modelslabtwin.emulator.wallet.Ledger;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The emulator the tests of this module share: the project's own JUnit extension
 * ({@link ModelsLabEmulatorExtension}, what users of the emulator get), with the rate limits lifted so
 * behaviour tests are not throttled (the limits have their own tests), plus what tests need besides
 * (fresh accounts, contract-checked HTTP clients). Registered as
 * {@code @RegisterExtension static final TestEmulator emu = TestEmulator.shared();}: one emulator for the
 * whole run, reset to the built-in seed before each test. {@link #start()} is for the few tests that
 * need an emulator of their own.
 */
public final class TestEmulator extends ModelsLabEmulatorExtension implements AutoCloseable {

    /** A fresh account made for a test: its id, email and a full-scope token. */
    public record TestAccount(long id, String email, String token) {
    }

    private static final Settings SHARED = Settings.defaults().withRateLimits(false);

    private final Emulator own;
    private final boolean reset;
    private int accounts;

    private TestEmulator(Settings settings, Emulator own) {
        super(settings);
        this.own = own;
        this.reset = settings.resetBeforeEachTest();
    }

    /** The run's emulator, reset before each test of the class. */
    public static TestEmulator shared() {
        return new TestEmulator(SHARED, null);
    }

    /**
     * The run's emulator, not reset between the class's tests: for a class whose tests read what its
     * {@code @BeforeAll} did (a load run, then its audits).
     */
    public static TestEmulator sharedWithoutReset() {
        return new TestEmulator(SHARED.withResetBeforeEachTest(false), null);
    }

    /** Without a reset before each test, the class still starts from the seeded state. */
    @Override
    public void beforeAll(ExtensionContext context) {
        super.beforeAll(context);
        if (own == null && !reset) {
            emulator().resetToStartingSeed();
        }
    }

    /** An emulator of its own, started now and closed by the caller (not registered as an extension). */
    public static TestEmulator start() {
        return new TestEmulator(SHARED, Emulator.start(Emulator.Options.forTests().withRateLimits(false)));
    }

    @Override
    public Emulator emulator() {
        return own != null ? own : super.emulator();
    }

    /** A client holding the seeded default account's token; every answer is checked against the contract. */
    public TestHttp http() {
        return as(emulator().defaultToken());
    }

    /** A contract-checked client holding {@code token} (null: no Authorization header). */
    public TestHttp as(String token) {
        return new TestHttp(emulator().baseUrl(), token).contractChecked();
    }

    /** A client of the control API whose answers are checked against its own document. */
    public ControlHttp control() {
        return new ControlHttp(emulator().baseUrl());
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
        return emulator().services().clock();
    }

    public Database database() {
        return emulator().services().database();
    }

    /** The newest email the emulator delivered to {@code address}; fails the test when none arrived. */
    public Mailbox.Mail mailTo(String address) {
        return emulator().latestMail(address).orElseThrow(() -> new AssertionError("no email to " + address + " in the mailbox"));
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

    /** Closes an emulator of its own; the shared one is closed when the run ends. */
    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }
}
