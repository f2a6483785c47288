package dev.modelslabtwin.emulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's notion of now: real time plus an offset that only grows, so tests can jump ahead
 * (subscription renewals, expiring sessions, tokens and idempotency keys) without waiting. Only a
 * reset of the whole emulator puts it back to real time.
 */
public final class EmulatedClock extends Clock implements Resettable {

    private final Clock real;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public EmulatedClock(Clock real) {
        this.real = real;
    }

    public static EmulatedClock system() {
        return new EmulatedClock(Clock.systemUTC());
    }

    /** Moves emulated time forward; time never goes back. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("emulated time only moves forward");
        }
        offset.updateAndGet(current -> current.plus(by));
        return instant();
    }

    /** Moves emulated time forward to {@code target}; a target in the past is refused. */
    public Instant advanceTo(Instant target) {
        Duration by = Duration.between(instant(), target);
        if (by.isNegative()) {
            throw new IllegalArgumentException("emulated time only moves forward: " + target + " is in the past");
        }
        return advance(by);
    }

    /** How far emulated time is ahead of real time. */
    public Duration offset() {
        return offset.get();
    }

    /** Back to real time: what a reset of the whole emulator does. */
    @Override
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("emulated time is always UTC");
    }
}
