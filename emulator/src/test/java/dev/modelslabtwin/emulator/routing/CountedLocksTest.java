package dev.modelslabtwin.emulator.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CountedLocksTest {

    private final CountedLocks<Long> locks = new CountedLocks<>();

    @Test
    void workUnderOneKeyRunsOneAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> locks.holding(7L, () -> {
                    mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    return inside.decrementAndGet();
                }));
            }
            pool.invokeAll(calls);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void aKeyNoThreadHoldsOrAwaitsHoldsNoMemory() {
        for (long key = 0; key < 1000; key++) {
            locks.holding(key, () -> null);
        }

        assertEquals(0, locks.inUse());
    }
}
