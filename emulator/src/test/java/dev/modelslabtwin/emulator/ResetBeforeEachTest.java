package dev.modelslabtwin.emulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * For test classes about the control API: the run's emulator ({@link TestEmulator}), reset to its
 * seeded state before each test, so every test starts from the built-in seed (default account 1 with
 * $50.00 and {@code pm_card_visa}), and a client of its control API.
 */
public abstract class ResetBeforeEachTest {

    @RegisterExtension
    protected static final TestEmulator emu = TestEmulator.shared();
    protected static ControlHttp control;

    @BeforeAll
    static void controlClient() {
        control = emu.control();
    }
}
