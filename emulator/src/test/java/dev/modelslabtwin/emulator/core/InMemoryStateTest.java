package dev.modelslabtwin.emulator.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InMemoryStateTest {

    @Test
    void aResetReachesEveryHolderInTheOrderTheyWereMade() {
        InMemoryState state = new InMemoryState();
        List<String> reset = new ArrayList<>();
        state.own(() -> reset.add("clock"));
        state.own(() -> reset.add("faults"));
        state.own(() -> reset.add("journal"));

        state.reset();

        assertEquals(List.of("clock", "faults", "journal"), reset);
        assertEquals(3, state.holders());
    }
}
