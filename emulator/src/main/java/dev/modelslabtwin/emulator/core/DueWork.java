package dev.modelslabtwin.emulator.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What becomes due as emulated time passes — subscription renewals, expiring sessions, automatic
 * charges. The tasks are given once, where the emulator is put together; whoever moves the clock (the
 * control API) runs them, so a jump of a month does a month's work before the next request is answered.
 */
public final class DueWork implements Resettable {

    /**
     * One capability's catch-up, which says how much it did so an advance can report it: everything that
     * fell due in {@code (caughtUpTo, now]} (and anything older still pending), idempotently; returns how
     * many things it did.
     */
    @FunctionalInterface
    public interface Job {
        int runDue(Instant caughtUpTo, Instant now);
    }

    /** A job and the name it is reported under (snake_case, e.g. {@code checkout_sessions_expired}). */
    public record Task(String name, Job job) {
    }

    /** What one job did during a run. */
    public record Ran(String name, int count) {
    }

    private final Clock clock;
    private final List<Task> tasks;
    private volatile Instant caughtUpTo;

    /** {@code tasks} run in this order; the first run catches up from {@code clock}'s now. */
    public DueWork(Clock clock, List<Task> tasks) {
        this.clock = clock;
        this.tasks = List.copyOf(tasks);
        this.caughtUpTo = clock.instant();
    }

    /** Runs every task, in order, for the time {@code now}. */
    public synchronized List<Ran> runAll(Instant now) {
        Instant from = caughtUpTo;
        List<Ran> ran = new ArrayList<>();
        for (Task task : tasks) {
            ran.add(new Ran(task.name(), task.job().runDue(from, now)));
        }
        if (now.isAfter(from)) {
            caughtUpTo = now;
        }
        return ran;
    }

    /** Forgets what was caught up: the next run catches up from the clock's now (after the clock's own reset). */
    @Override
    public synchronized void reset() {
        caughtUpTo = clock.instant();
    }
}
