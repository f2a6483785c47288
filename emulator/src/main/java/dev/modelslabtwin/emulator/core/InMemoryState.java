package dev.modelslabtwin.emulator.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the emulator keeps in memory beside its database — emulated time, what the due work has
 * caught up to, the faults, the request journal, the rate-limit windows — owned here, so that a reset
 * reaches every holder: each one is made through {@link #own} where the emulator is put together.
 * Locks are no holders: they hold nothing once the request holding them is done.
 */
public final class InMemoryState {

    private final List<Resettable> holders = new CopyOnWriteArrayList<>();

    /** Makes {@code holder} part of the state a reset puts back; returns it. */
    public <T extends Resettable> T own(T holder) {
        holders.add(holder);
        return holder;
    }

    /** Resets every holder in the order they were made (the clock first, so the others read the new now). */
    public void reset() {
        holders.forEach(Resettable::reset);
    }

    /** How many holders a reset reaches. */
    public int holders() {
        return holders.size();
    }
}
