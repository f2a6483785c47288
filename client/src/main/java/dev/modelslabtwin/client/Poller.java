package dev.modelslabtwin.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Repeats a check until it yields a result or a deadline passes. Time comes from an injected clock and
 * sleeper so that waiting for a person to pay can be tested without waiting.
 */
final class Poller {

    private final Clock clock;
    private final Sleeper sleeper;

    Poller(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Runs {@code attempt} at once and then every {@code interval} until it returns a value; exceptions it
     * throws end the wait. When {@code timeout} has passed, throws a status-0 exception with {@code timeoutCode}.
     */
    <T> T until(String what, Duration timeout, Duration interval, String timeoutCode, Supplier<Optional<T>> attempt) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new ModelsLabException(0, timeoutCode, what + " did not finish within " + timeout, null, null, null, null);
            }
            pause(what, left.compareTo(interval) < 0 ? left : interval);
        }
    }

    private void pause(String what, Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelsLabException(0, ErrorDecoder.INTERRUPTED, "interrupted while waiting for " + what,
                    null, null, null, e);
        }
    }
}
