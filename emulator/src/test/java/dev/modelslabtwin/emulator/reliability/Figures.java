package dev.modelslabtwin.emulator.reliability;

import java.util.Locale;

/** Prints what a reliability test measured, one line each, so a build log shows the figures behind every green test. */
final class Figures {

    private Figures() {
    }

    static void print(String test, String format, Object... values) {
        System.out.println("[reliability] " + test + ": " + String.format(Locale.ROOT, format, values));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
