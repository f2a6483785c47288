package dev.modelslabtwin.emulator.control;

import dev.modelslabtwin.emulator.control.model.SeedAccount;
import dev.modelslabtwin.emulator.control.model.SeedDocument;
import dev.modelslabtwin.emulator.control.model.SeedToken;
import dev.modelslabtwin.emulator.core.DueWork;
import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.faults.Fault;
import dev.modelslabtwin.emulator.faults.Faults;
import dev.modelslabtwin.emulator.journal.RequestJournal;
import dev.modelslabtwin.emulator.mail.Mailbox;
import dev.modelslabtwin.emulator.seed.Seeder;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import dev.modelslabtwin.emulator.wallet.Usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What can be done to a running emulator that the live API cannot do: start again from the seed, seed
 * more, move time, inject faults, read the request journal, make accounts and spend from them. The
 * control API ({@code /_emulator}) answers through this interface and nothing else of the emulator, as
 * WireMock's admin tasks act through its {@code Admin}; Java callers (a test with the JUnit extension)
 * use it directly.
 */
public interface EmulatorControl {

    /** The state a reset (or a new baseline seed) left: emulated now, the default token, what was seeded. */
    record Reset(Instant now, String defaultToken, Seeder.Seeded seed) {
    }

    /** What advancing the clock did: from when to when, and what each due-work job did. */
    record Advance(Instant previous, Instant now, long advancedBySeconds, List<DueWork.Ran> jobs) {
    }

    /**
     * Back to the seeded state: database wiped and seeded again from the baseline seed (ids from 1, so
     * seeded tokens are unchanged), and everything kept in memory as at start. Requests in flight
     * meanwhile may fail: reset between tests.
     */
    Reset reset();

    /** Adds {@code seed} to the current state, all or nothing (see {@link Seeder}). */
    Seeder.Seeded seed(SeedDocument seed);

    /**
     * Makes {@code seed} the baseline and resets to it. A seed that cannot be applied leaves the old
     * baseline in place (and the emulator reset to it) and is reported as the problem it caused.
     */
    Reset replaceSeed(SeedDocument seed);

    /** Emulated now. */
    Instant now();

    /** How far emulated time is ahead of real time. */
    Duration clockOffset();

    /** Moves emulated time forward by {@code by} and runs the work that fell due. */
    Advance advanceClock(Duration by);

    /** Moves emulated time forward to {@code target} and runs the work that fell due. */
    Advance advanceClockTo(Instant target);

    /** The faults injected into API requests. */
    Faults faults();

    /** Injects a fault into the API requests it targets, from now on (see {@link Faults}). */
    Fault injectFault(Fault.Spec spec);

    /** The last API requests and answers. */
    RequestJournal journal();

    /** Creates an account as a seed entry describes it; 409 when the email is taken. */
    Seeder.SeededAccount createAccount(SeedAccount account);

    /** Issues a token for an account as a seed token describes it. */
    Seeder.IssuedToken issueToken(long accountId, SeedToken token);

    /** Spends from an account's wallet as generation calls do; auto-funding reacts as it would. */
    Usage.Spent spend(long accountId, BigDecimal amount, String description);

    /**
     * The emails the API sent to {@code to} (every email when null) instead of mailing them, newest
     * first, at most {@code limit}.
     */
    default List<Mailbox.Mail> mail(String to, int limit) {
        return services().database().transaction(db -> Mailbox.list(db, to, limit));
    }

    /** The newest email the API sent to {@code to}: its verification code or reset token, its link. */
    default Optional<Mailbox.Mail> latestMail(String to) {
        return services().database().transaction(db -> Mailbox.latest(db, to));
    }

    /** Empties the mailbox (only {@code to}'s emails when not null); how many emails were removed. */
    default int clearMailbox(String to) {
        return services().database().transaction(db -> Mailbox.clear(db, to));
    }

    /** The database and emulated time, for reads the control API makes (the accounts, the verification inbox). */
    Services services();

    /** The fake Stripe's charges, for what a person does on Stripe's pages (3D Secure, paying a Checkout). */
    PaymentIntents paymentIntents();
}
