package dev.modelslabtwin.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * For test classes about the control API: one emulator per class ({@link TestEmulator}: rate limits
 * lifted), reset to its seeded state through the control API before each test, so every test starts
 * from the built-in seed (default account 1 with $50.00 and {@code pm_card_visa}).
 */
public abstract class ResetBeforeEachTest {

    protected static TestEmulator emu;
    protected static ControlHttp control;

    @BeforeAll
    static void startEmulator() {
        emu = TestEmulator.start();
        control = emu.control();
    }

    @AfterAll
    static void stopEmulator() {
        emu.close();
    }

    @BeforeEach
    void resetEmulator() {
        control.post("/reset", null);
    }
}
