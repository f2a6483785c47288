package dev.modelslabtwin.emulator.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per key, made when a thread first asks for it and dropped when the last thread holding or
 * awaiting it is done: a table of locks over unbounded keys (idempotency keys, accounts) that holds
 * only the keys in use.
 */
final class CountedLocks<K> {

    private static final class Counted {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final Map<K, Counted> locks = new ConcurrentHashMap<>();

    /** Runs {@code work} holding {@code key}'s lock. */
    <T> T holding(K key, Supplier<T> work) {
        Counted counted = locks.compute(key, (k, held) -> {
            Counted lock = held == null ? new Counted() : held;
            lock.users++;
            return lock;
        });
        counted.lock.lock();
        try {
            return work.get();
        } finally {
            counted.lock.unlock();
            locks.computeIfPresent(key, (k, held) -> --held.users == 0 ? null : held);
        }
    }

    /** How many keys are held or awaited right now. */
    int inUse() {
        return locks.size();
    }
}
