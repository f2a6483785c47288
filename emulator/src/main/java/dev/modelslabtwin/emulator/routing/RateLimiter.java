package dev.modelslabtwin.emulator.routing;

import dev.modelslabtwin.emulator.core.Resettable;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live API's Laravel throttles (the contract's {@code x-rate-limiters}) as fixed one-minute
 * windows, so agents meet the same 429s and headers offline that they will meet in production.
 */
public final class RateLimiter implements Resettable {

    static final Duration WINDOW = Duration.ofMinutes(1);

    /** What a request may do, and what to tell the client about its window. */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    private final Clock clock;
    private final Map<String, Integer> limits = new ConcurrentHashMap<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, Map<String, Integer> limits) {
        this.clock = clock;
        this.limits.putAll(limits);
    }

    /**
     * The contract's limiters on real time: at the live API's rates, or, without {@code liveLimits}, none
     * throttling (the headers still come), for load tests and benchmarks.
     */
    public static RateLimiter ofContract(boolean liveLimits) {
        Map<String, Integer> limits = new TreeMap<>(ContractOperations.rateLimits());
        if (!liveLimits) {
            limits.replaceAll((limiter, perMinute) -> Integer.MAX_VALUE);
        }
        return new RateLimiter(Clock.systemUTC(), limits);
    }

    /** Counts one request of {@code key} against {@code limiter}. */
    public Decision acquire(String limiter, String key) {
        int limit = limits.getOrDefault(limiter, Integer.MAX_VALUE);
        long now = clock.millis();
        Window window = windows.compute(limiter + '\u0000' + key, (k, existing) ->
                existing == null || now >= existing.endsAt ? new Window(now + WINDOW.toMillis()) : existing);
        synchronized (window) {
            long resetSeconds = Math.floorDiv(window.endsAt + 999, 1000);
            long retryAfter = Math.max(1, Math.floorDiv(window.endsAt - now + 999, 1000));
            if (window.count >= limit) {
                return new Decision(false, limit, 0, resetSeconds, retryAfter);
            }
            window.count++;
            return new Decision(true, limit, limit - window.count, resetSeconds, 0);
        }
    }

    /** Forgets every window: each client starts a fresh minute (the limits themselves stay as set). */
    @Override
    public void reset() {
        windows.clear();
    }

    /** Changes a limiter's requests per window (e.g. to provoke 429s in a test). */
    public void setLimit(String limiter, int requestsPerMinute) {
        limits.put(limiter, requestsPerMinute);
    }

    private static final class Window {
        final long endsAt;
        int count;

        Window(long endsAt) {
            this.endsAt = endsAt;
        }
    }
}
