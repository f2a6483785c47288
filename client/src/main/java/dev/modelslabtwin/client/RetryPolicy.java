package dev.modelslabtwin.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before repeating a call: exponential backoff with full jitter, capped,
 * within a budget of attempts; a server's {@code Retry-After} wins over the computed delay.
 *
 * @param maxRetries     retries after the first attempt (0 disables retrying)
 * @param initialBackoff the base delay of the first retry
 * @param maxBackoff     the cap of any computed delay
 * @param maxRetryAfter  the longest {@code Retry-After} honoured; longer waits fail at once, as the
 *                       official CLI does, rather than block an agent for minutes
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** The delay before retry number {@code retry} (1-based). */
    Duration backoff(int retry) {
        long cap = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }
}
