package dev.modelslabtwin.emulator.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What becomes due as emulated time passes — subscription renewals, expiring sessions, automatic
 * charges. Capabilities register their jobs once; whoever moves the clock (the control API) runs
 * them, so a jump of a month does a month's work before the next request is answered.
 */
public final class DueWork {

    /**
     * One capability's catch-up, which says how much it did so an advance can report it: everything that
     * fell due in {@code (caughtUpTo, now]} (and anything older still pending), idempotently; returns how
     * many things it did.
     */
    @FunctionalInterface
    public interface Job {
        int runDue(Instant caughtUpTo, Instant now);
    }

    /** What one job did during a run. */
    public record Ran(String name, int count) {
    }

    private record Named(String name, Job job) {
    }

    private final List<Named> jobs = new CopyOnWriteArrayList<>();
    private volatile Instant caughtUpTo;

    /** Work whose first run catches up from the moment it is made. */
    public DueWork() {
        this(Instant.now());
    }

    /** {@code start}: the emulated time from which the first run catches up. */
    public DueWork(Instant start) {
        this.caughtUpTo = start;
    }

    /** Registers a job reported under {@code name} (snake_case, e.g. {@code checkout_sessions_expired}). */
    public void register(String name, Job job) {
        jobs.add(new Named(name, job));
    }

    /** Runs every registered job, in registration order, for the time {@code now}. */
    public synchronized List<Ran> runAll(Instant now) {
        Instant from = caughtUpTo;
        List<Ran> ran = new ArrayList<>();
        for (Named named : jobs) {
            ran.add(new Ran(named.name(), named.job().runDue(from, now)));
        }
        if (now.isAfter(from)) {
            caughtUpTo = now;
        }
        return ran;
    }

    /** Forgets what was caught up, e.g. after the emulator's state was reset at {@code now}. */
    public synchronized void restartAt(Instant now) {
        caughtUpTo = now;
    }
}
