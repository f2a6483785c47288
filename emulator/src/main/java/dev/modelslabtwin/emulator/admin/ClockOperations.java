package dev.modelslabtwin.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.Emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The control routes of emulated time: read the clock, advance it (running what fell due). */
final class ClockOperations {

    /** The longest jump, so no date leaves what the database and {@link Instant} can hold. */
    private static final Duration LONGEST = Duration.ofDays(36_525);
    private static final long LONGEST_MONTHS = 1200;

    private final Emulator emulator;

    ClockOperations(Emulator emulator) {
        this.emulator = emulator;
    }

    Object read(ControlRequest request) {
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("now", emulator.services().clock().instant());
        clock.put("real_now", Instant.now());
        clock.put("offset_seconds", emulator.services().clock().offset().toSeconds());
        return clock;
    }

    /** By {@code seconds}, by an ISO-8601 {@code duration} ({@code PT25H}; {@code P1M} is a calendar month), or {@code to} an instant. */
    Object advance(ControlRequest request) {
        JsonNode body = request.body();
        Instant now = emulator.services().clock().instant();
        if (body.has("to")) {
            Instant target = OffsetDateTime.parse(body.get("to").asText()).toInstant();
            return emulator.advanceClockTo(reachable("to", now, target));
        }
        if (body.has("seconds")) {
            return emulator.advanceClock(Duration.ofSeconds(body.get("seconds").asLong()));
        }
        String duration = body.path("duration").asText();
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
        return emulator.advanceClock(by);
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
