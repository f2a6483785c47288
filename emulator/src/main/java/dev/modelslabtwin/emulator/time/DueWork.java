package dev.modelslabtwin.emulator.time;

import java.time.Instant;
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

    private final List<Job> jobs = new CopyOnWriteArrayList<>();

    public void register(Job job) {
        jobs.add(job);
    }

    /** Runs every registered job, in registration order, for the time {@code now}. */
    public void runAll(Instant now) {
        for (Job job : jobs) {
            job.runDue(now);
        }
    }
}
