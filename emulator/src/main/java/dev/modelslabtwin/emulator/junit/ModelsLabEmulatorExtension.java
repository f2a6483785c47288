package dev.modelslabtwin.emulator.junit;

import dev.modelslabtwin.client.ModelsLabClient;
import dev.modelslabtwin.emulator.Emulator;
import dev.modelslabtwin.emulator.control.EmulatorControl;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link ModelsLabEmulator}. It can also be registered with
 * {@code @ExtendWith(ModelsLabEmulatorExtension.class)} (the annotation's settings, or the defaults), or
 * as a field with settings of its own, as WireMock's extension is:
 * <pre>{@code
 * @RegisterExtension
 * static ModelsLabEmulatorExtension twin = new ModelsLabEmulatorExtension(
 *         ModelsLabEmulatorExtension.Settings.defaults().withRateLimits(false));
 * }</pre>
 *
 * <p>One emulator per test run and settings: a start costs far more than a reset, so classes share it and
 * each test starts from the seeded state by a reset. It lives in the root context's store and is closed
 * when the run ends (JUnit 5.13 or newer closes stored {@link AutoCloseable}s).
 */
public class ModelsLabEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ModelsLabEmulatorExtension.class);

    /**
     * How the emulator is started and used: the seed ({@code ""} for the built-in one; a classpath
     * resource or a file), whether the live API's rate limits apply, and whether each test starts from
     * the seeded state.
     */
    public record Settings(String seed, boolean rateLimits, boolean resetBeforeEachTest) {

        /** The built-in seed, the live API's rate limits, a reset before each test. */
        public static Settings defaults() {
            return new Settings("", true, true);
        }

        static Settings of(ModelsLabEmulator annotation) {
            return new Settings(annotation.seed(), annotation.rateLimits(), annotation.resetBeforeEachTest());
        }

        public Settings withSeed(String seed) {
            return new Settings(seed, rateLimits, resetBeforeEachTest);
        }

        public Settings withRateLimits(boolean rateLimits) {
            return new Settings(seed, rateLimits, resetBeforeEachTest);
        }

        public Settings withResetBeforeEachTest(boolean resetBeforeEachTest) {
            return new Settings(seed, rateLimits, resetBeforeEachTest);
        }

        /** Emulators are shared by the settings they were started with; whether to reset is each class's choice. */
        private String key() {
            return "emulator seeded with [" + seed + "], rate limits " + (rateLimits ? "on" : "off");
        }
    }

    private final Settings given;
    private volatile Emulator emulator;

    /** Takes its settings from the test class's {@link ModelsLabEmulator}, or the defaults without one. */
    public ModelsLabEmulatorExtension() {
        this(null);
    }

    /** Registered as a field: these settings, whatever the class is annotated with. */
    public ModelsLabEmulatorExtension(Settings settings) {
        this.given = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = emulator(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).resetBeforeEachTest()) {
            emulator(context).resetToStartingSeed();
        }
    }

    /** The emulator the current test class uses; started before its first test. */
    public Emulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator starts before the test class's first test");
        }
        return emulator;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == String.class) {
            return parameter.isAnnotated(EmulatorBaseUrl.class) || parameter.isAnnotated(EmulatorToken.class);
        }
        return type == ModelsLabClient.class || type == Emulator.class || type == EmulatorControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Emulator emulator = emulator(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Emulator.class || type == EmulatorControl.class) {
            return emulator;
        }
        if (type == ModelsLabClient.class) {
            return ModelsLabClient.builder().baseUrl(emulator.baseUrl()).token(emulator.defaultToken()).build();
        }
        return parameter.isAnnotated(EmulatorBaseUrl.class) ? emulator.baseUrl() : emulator.defaultToken();
    }

    /** The run's emulator for this class's settings, started on first use. */
    private Emulator emulator(ExtensionContext context) {
        Settings settings = settings(context);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(settings.key(), key -> start(settings), Emulator.class);
    }

    private Settings settings(ExtensionContext context) {
        if (given != null) {
            return given;
        }
        for (Optional<Class<?>> type = context.getTestClass(); type.isPresent();
             type = Optional.ofNullable(type.get().getEnclosingClass())) {
            ModelsLabEmulator settings = type.get().getAnnotation(ModelsLabEmulator.class);
            if (settings != null) {
                return Settings.of(settings);
            }
        }
        return Settings.defaults();
    }

    private static Emulator start(Settings settings) {
        Emulator.Options options = Emulator.Options.forTests().withRateLimits(settings.rateLimits());
        return Emulator.start(settings.seed().isEmpty() ? options : options.withSeedFile(seedFile(settings.seed())));
    }

    /** A classpath resource is copied to a temporary file (keeping its extension, which says JSON or YAML). */
    private static Path seedFile(String seed) {
        try (InputStream resource = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(seed.startsWith("/") ? seed.substring(1) : seed)) {
            if (resource == null) {
                Path file = Path.of(seed);
                if (!Files.isRegularFile(file)) {
                    throw new ExtensionConfigurationException("@ModelsLabEmulator(seed = \"" + seed
                            + "\"): neither a classpath resource nor a file");
                }
                return file;
            }
            String name = Path.of(seed).getFileName().toString();
            Path copy = Files.createTempFile("modelslab-seed-", name.substring(Math.max(0, name.lastIndexOf('.'))));
            copy.toFile().deleteOnExit();
            Files.copy(resource, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
