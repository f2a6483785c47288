package dev.modelslabtwin.emulator.admin;

import dev.modelslabtwin.emulator.control.EmulatorControl;
import dev.modelslabtwin.emulator.control.model.AdvanceRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The control routes of emulated time: read the clock, advance it (running what fell due). */
final class ClockOperations implements TimeApi {

    /** The longest jump, so no date leaves what the database and {@link Instant} can hold. */
    private static final Duration LONGEST = Duration.ofDays(36_525);
    private static final long LONGEST_MONTHS = 1200;

    private final EmulatorControl control;

    ClockOperations(EmulatorControl control) {
        this.control = control;
    }

    @Override
    public Object getClock() {
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("now", control.now());
        clock.put("real_now", Instant.now());
        clock.put("offset_seconds", control.clockOffset().toSeconds());
        return clock;
    }

    /**
     * By {@code seconds}, by an ISO-8601 {@code duration} ({@code PT25H}; {@code P1M} is a calendar month),
     * or {@code to} an instant: the control document lets exactly one through.
     */
    @Override
    public Object advanceClock(AdvanceRequest request) {
        Instant now = control.now();
        if (request.getTo() != null) {
            return control.advanceClockTo(reachable("to", now, request.getTo().toInstant()));
        }
        if (request.getSeconds() != null) {
            return control.advanceClock(Duration.ofSeconds(request.getSeconds()));
        }
        String duration = request.getDuration() == null ? "" : request.getDuration();
        Duration by;
        try {
            by = Duration.parse(duration);
        } catch (DateTimeParseException withMonthsOrYears) {
            // The calendar decides how long a month is; the jump itself is then exact, as for PT25H.
            by = Duration.between(now, reachable("duration", now, calendar(now, duration)));
        }
        if (by.isNegative() || by.compareTo(LONGEST) > 0) {
            throw outOfReach("duration");
        }
        return control.advanceClock(by);
    }

    /** A duration with months or years (P1M, P1Y2M): calendar time from emulated now. */
    private static Instant calendar(Instant now, String text) {
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException e) {
            throw ControlApi.invalid("duration", "The duration must be ISO-8601, e.g. PT25H, P30D or P1M.");
        }
        if (period.isNegative() || period.toTotalMonths() > LONGEST_MONTHS) {
            throw outOfReach("duration");
        }
        return now.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    /** {@code target}, when it is neither in the emulated past nor more than a century ahead. */
    private static Instant reachable(String field, Instant now, Instant target) {
        if (target.isBefore(now) || Duration.between(now, target).compareTo(LONGEST) > 0) {
            throw outOfReach(field);
        }
        return target;
    }

    private static RuntimeException outOfReach(String field) {
        return ControlApi.invalid(field, "Emulated time only moves forward, by at most 100 years at a time.");
    }
}
