package dev.modelslabtwin.emulator.core;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DueWorkTest {

    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    private final EmulatedClock clock = new EmulatedClock(Clock.fixed(START, ZoneOffset.UTC));

    @Test
    void tasksRunInTheOrderTheyWereGivenAndSayWhatTheyDid() {
        List<String> ran = new ArrayList<>();
        DueWork work = new DueWork(clock, List.of(
                new DueWork.Task("first", (from, now) -> {
                    ran.add("first");
                    return 2;
                }),
                new DueWork.Task("second", (from, now) -> {
                    ran.add("second");
                    return 0;
                })));

        List<DueWork.Ran> report = work.runAll(START.plusSeconds(60));

        assertEquals(List.of("first", "second"), ran);
        assertEquals(List.of(new DueWork.Ran("first", 2), new DueWork.Ran("second", 0)), report);
    }

    @Test
    void eachRunCatchesUpFromWhereTheLastOneStoppedAndAResetFromTheClocksNow() {
        List<Instant> windows = new ArrayList<>();
        DueWork work = new DueWork(clock, List.of(new DueWork.Task("window", (from, now) -> {
            windows.add(from);
            windows.add(now);
            return 0;
        })));

        work.runAll(START.plusSeconds(10));
        work.runAll(START.plusSeconds(25));
        clock.advance(Duration.ofSeconds(100));
        work.reset();
        work.runAll(START.plusSeconds(130));

        assertEquals(List.of(START, START.plusSeconds(10), START.plusSeconds(10), START.plusSeconds(25),
                START.plusSeconds(100), START.plusSeconds(130)), windows);
    }
}
