package dev.modelslabtwin.emulator.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against an in-process ModelsLab emulator: started on a free loopback port the
 * first time a class asks for it, shared by every class of the run that asks for the same seed and
 * rate limits, reset
 * to its seeded state before each test, stopped when the run ends. Test methods, lifecycle methods
 * and constructors get, as parameters:
 * <ul>
 *   <li>a ready {@link dev.modelslabtwin.client.ModelsLabClient} holding the default account's token;</li>
 *   <li>{@code @EmulatorBaseUrl String} — the host root, the value for {@code MODELSLAB_BASE_URL};</li>
 *   <li>{@code @EmulatorToken String} — the default account's bearer token ({@code MODELSLAB_TOKEN});</li>
 *   <li>the {@link dev.modelslabtwin.emulator.Emulator} itself, or the
 *       {@link dev.modelslabtwin.emulator.control.EmulatorControl} it implements — reset, seed, advance the
 *       clock, inject faults, read the journal.</li>
 * </ul>
 * Classes sharing one emulator must not run in parallel with each other: a reset undoes what the other
 * class's test is doing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ModelsLabEmulatorExtension.class)
public @interface ModelsLabEmulator {

    /**
     * A JSON or YAML seed file for the emulator's state instead of the built-in seed: a classpath resource
     * (e.g. {@code "emulator/seed.yaml"}), else a file path. Every reset returns to it.
     */
    String seed() default "";

    /** Whether each test starts from the seeded state (the default), or sees what the tests before it left. */
    boolean resetBeforeEachTest() default true;

    /**
     * Whether the live API's rate limits apply (the default), so an agent meets its 429s; off, nothing is
     * throttled (the rate-limit headers still come), for tests that make many calls.
     */
    boolean rateLimits() default true;
}
