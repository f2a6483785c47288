package dev.modelslabtwin.client;

import java.time.Duration;
import java.util.Objects;
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
        requireNotNegative(initialBackoff, "initialBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
    }

    /**
     * The delay before retry number {@code retry} (1-based): uniformly random between zero and the capped
     * exponential delay ("full jitter"), so many agents throttled together do not retry in lockstep.
     */
    Duration backoff(int retry) {
        long cap = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(Math.max(retry, 1) - 1, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(0, cap + 1));
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
