package dev.modelslabtwin.emulator.journal;

import dev.modelslabtwin.emulator.core.Resettable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The last {@code capacity} API requests and their answers, in a ring: recording is one counter
 * increment and one array store (no lock, no copy, nothing masked), so it can stay on for load tests;
 * the oldest entries make room for new ones. Capacity 0 records nothing.
 */
public final class RequestJournal implements Resettable {

    /** Bodies longer than this are kept as cut text, so a few huge requests cannot fill the memory. */
    public static final int MAX_BODY_CHARS = 16 * 1024;

    /** A query of the journal; null fields do not filter. */
    public record Filter(String method, Predicate<String> path, Predicate<Integer> status, String operationId,
                         Long accountId, String requestId, Instant since, int limit) {
    }

    /** What a query found: the entries (newest first), and the journal's capacity and lifetime count. */
    public record Page(int capacity, long recorded, List<JournalEntry> entries) {
    }

    private final int capacity;
    private final AtomicLong sequence = new AtomicLong();
    private volatile AtomicReferenceArray<JournalEntry> ring;

    public RequestJournal(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("journal capacity must be 0 or more");
        }
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(Math.max(capacity, 1));
    }

    public boolean enabled() {
        return capacity > 0;
    }

    public int capacity() {
        return capacity;
    }

    /** The id the next entry gets. */
    public long nextId() {
        return sequence.incrementAndGet();
    }

    public void record(JournalEntry entry) {
        if (capacity > 0) {
            ring.set((int) ((entry.id() - 1) % capacity), entry);
        }
    }

    public Page find(Filter filter) {
        AtomicReferenceArray<JournalEntry> entries = ring;
        List<JournalEntry> found = new ArrayList<>();
        for (int i = 0; i < entries.length(); i++) {
            JournalEntry entry = entries.get(i);
            if (entry != null && matches(entry, filter)) {
                found.add(entry);
            }
        }
        found.sort(Comparator.comparingLong(JournalEntry::id).reversed());
        return new Page(capacity, sequence.get(), List.copyOf(found.subList(0, Math.min(filter.limit(), found.size()))));
    }

    /** Forgets every entry (ids keep counting up); how many there were. */
    public int clear() {
        AtomicReferenceArray<JournalEntry> forgotten = ring;
        ring = new AtomicReferenceArray<>(Math.max(capacity, 1));
        int count = 0;
        for (int i = 0; i < forgotten.length(); i++) {
            count += forgotten.get(i) == null ? 0 : 1;
        }
        return count;
    }

    /** A reset of the emulator forgets every entry (ids keep counting up). */
    @Override
    public void reset() {
        clear();
    }

    private static boolean matches(JournalEntry entry, Filter filter) {
        return (filter.method() == null || filter.method().equalsIgnoreCase(entry.method()))
                && (filter.path() == null || filter.path().test(entry.path()))
                && (filter.status() == null || filter.status().test(entry.status()))
                && (filter.operationId() == null || filter.operationId().equals(entry.operationId()))
                && (filter.accountId() == null || filter.accountId().equals(entry.accountId()))
                && (filter.requestId() == null || filter.requestId().equals(entry.requestId()))
                && (filter.since() == null || !entry.receivedAt().isBefore(filter.since()));
    }
}
