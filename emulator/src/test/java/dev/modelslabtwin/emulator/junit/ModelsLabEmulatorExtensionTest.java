package dev.modelslabtwin.emulator.junit;

import dev.modelslabtwin.client.ModelsLabClient;
import dev.modelslabtwin.emulator.Emulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit extension's promises beyond the README example: sharing, constructor injection, seeds, opting out of resets. */
class ModelsLabEmulatorExtensionTest {

    private static final AtomicReference<Emulator> FIRST_SEEN = new AtomicReference<>();

    private static void sameEmulatorEverywhere(Emulator emulator) {
        FIRST_SEEN.compareAndSet(null, emulator);
        assertSame(FIRST_SEEN.get(), emulator, "one emulator per run and seed");
    }

    @Nested
    @ModelsLabEmulator
    class ConstructorInjection {

        private final ModelsLabClient client;
        private final String baseUrl;

        ConstructorInjection(ModelsLabClient client, @EmulatorBaseUrl String baseUrl, Emulator emulator) {
            this.client = client;
            this.baseUrl = baseUrl;
            sameEmulatorEverywhere(emulator);
        }

        @Test
        void theClientAndTheBaseUrlPointAtTheRunningEmulator() {
            assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
            assertEquals(baseUrl + "/api/agents/v1", client.apiBaseUrl());
            assertEquals(new BigDecimal("50.00"), client.wallet().balance().getBalance());
        }
    }

    @Nested
    @ModelsLabEmulator
    class AnotherClassOfTheRun {

        @Test
        void getsTheSameEmulator(Emulator emulator, @EmulatorToken String token) {
            sameEmulatorEverywhere(emulator);
            assertEquals(emulator.defaultToken(), token);
        }
    }

    @Nested
    @ModelsLabEmulator(seed = "emulator/extension-seed.yaml")
    class WithItsOwnSeed {

        @Test
        void startsFromThatSeedWithItsToken(ModelsLabClient client, @EmulatorToken String token, Emulator emulator) {
            assertEquals("1|extension_seed_token_0123456789", token);
            assertEquals(new BigDecimal("3.00"), client.wallet().balance().getBalance());
            assertTrue(FIRST_SEEN.get() == null || FIRST_SEEN.get() != emulator, "a seed of its own, an emulator of its own");
        }
    }

    @Nested
    @ModelsLabEmulator(seed = "emulator/extension-seed.yaml", resetBeforeEachTest = false)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class WithoutResets {

        @Test
        @Order(1)
        void spends(Emulator emulator) {
            emulator.reset();
            dev.modelslabtwin.emulator.wallet.Usage.spend(emulator.services(), emulator.paymentIntents(), 1, new BigDecimal("1.00"), "first test");
        }

        @Test
        @Order(2)
        void seesWhatTheTestBeforeLeft(ModelsLabClient client) {
            assertEquals(new BigDecimal("2.00"), client.wallet().balance().getBalance());
        }
    }
}
