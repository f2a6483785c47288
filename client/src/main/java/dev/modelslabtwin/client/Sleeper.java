package dev.modelslabtwin.client;

import java.time.Duration;

/** Waiting between attempts, behind an interface so tests can record the waits instead of sitting them out. */
@FunctionalInterface
interface Sleeper {

    /** Really waits; a zero or negative duration returns at once. */
    Sleeper SYSTEM = duration -> {
        if (duration.compareTo(Duration.ZERO) > 0) {
            Thread.sleep(duration.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
