package dev.modelslabtwin.emulator.faults;

import dev.modelslabtwin.emulator.core.Resettable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The faults set through the control API. The router asks {@link #next} on every API request, so the
 * answer when none is set must cost nothing: one volatile read of an empty array. Faults that have
 * fired their last time leave that array (they stay listed, with {@code remaining} 0, until cleared).
 */
public final class Faults implements Resettable {

    private static final Fault[] NONE = new Fault[0];

    private final String basePath;
    private volatile Fault[] active = NONE;
    private final List<Fault> listed = new ArrayList<>();
    private long lastId;

    /** {@code basePath}: the API's base path, which path patterns may leave out. */
    public Faults(String basePath) {
        this.basePath = basePath;
    }

    /**
     * The fault to inject into this request, or null. {@code path} is relative to the API base. The
     * first fault (in the order they were added) that targets the request and fires wins.
     */
    public Fault next(String operationId, String method, String path) {
        Fault[] rules = active;
        if (rules.length == 0) {
            return null;
        }
        for (Fault fault : rules) {
            if (fault.targets(operationId, method, path) && fault.fire()) {
                if (fault.usedUp()) {
                    retire(fault);
                }
                return fault;
            }
        }
        return null;
    }

    /** Adds a fault; the spec must have no {@link Fault.Spec#problems()}. */
    public synchronized Fault add(Fault.Spec spec, Instant now) {
        if (!spec.problems().isEmpty()) {
            throw new IllegalArgumentException("not a valid fault: " + spec.problems());
        }
        Fault fault = new Fault("flt_" + (++lastId), spec, basePath, now);
        listed.add(fault);
        Fault[] grown = Arrays.copyOf(active, active.length + 1);
        grown[grown.length - 1] = fault;
        active = grown;
        return fault;
    }

    /** Every fault added since the last clear, oldest first, used-up ones included. */
    public synchronized List<Fault> list() {
        return List.copyOf(listed);
    }

    /** Removes one fault; false when there is none with that id. */
    public synchronized boolean remove(String id) {
        boolean removed = listed.removeIf(fault -> fault.id().equals(id));
        active = Arrays.stream(active).filter(fault -> !fault.id().equals(id)).toArray(Fault[]::new);
        return removed;
    }

    /** Removes every fault; how many there were. */
    public synchronized int clear() {
        int count = listed.size();
        listed.clear();
        active = NONE;
        return count;
    }

    /** A reset of the emulator removes every fault. */
    @Override
    public void reset() {
        clear();
    }

    private synchronized void retire(Fault fault) {
        active = Arrays.stream(active).filter(f -> f != fault).toArray(Fault[]::new);
    }
}
