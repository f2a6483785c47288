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

    /** One capability's catch-up: does everything that fell due up to {@code now}, idempotently. */
    @FunctionalInterface
    public interface Job {
        void runDue(Instant now);
    }

    /**
     * A catch-up that says how much it did, so an advance can report it: everything that fell due in
     * {@code (caughtUpTo, now]} (and anything older still pending), idempotently; returns how many things it did.
     */
    @FunctionalInterface
    public interface CountingJob {
        int runDue(Instant caughtUpTo, Instant now);
    }

    /** What one job did during a run; {@code count} is null for a {@link Job}, which does not count. */
    public record Ran(String name, Integer count) {
    }

    private record Named(String name, CountingJob job, boolean counts) {
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

    public void register(Job job) {
        jobs.add(new Named("job-" + (jobs.size() + 1), (from, now) -> {
            job.runDue(now);
            return 0;
        }, false));
    }

    /** Registers a job reported under {@code name} (snake_case, e.g. {@code checkout_sessions_expired}). */
    public void register(String name, CountingJob job) {
        jobs.add(new Named(name, job, true));
    }

    /** Runs every registered job, in registration order, for the time {@code now}. */
    public synchronized List<Ran> runAll(Instant now) {
        Instant from = caughtUpTo;
        List<Ran> ran = new ArrayList<>();
        for (Named named : jobs) {
            int count = named.job().runDue(from, now);
            ran.add(new Ran(named.name(), named.counts() ? count : null));
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
