package dev.modelslabtwin.emulator.junit;

import dev.modelslabtwin.client.ModelsLabClient;
import dev.modelslabtwin.emulator.Emulator;
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
import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link ModelsLabEmulator}; it can also be registered with
 * {@code @ExtendWith(ModelsLabEmulatorExtension.class)} or {@code @RegisterExtension}, with the built-in
 * seed and a reset before each test.
 *
 * <p>One emulator per test run and seed: a start costs far more than a reset, so classes share it and
 * each test starts from the seeded state by a reset. It lives in the root context's store and is closed
 * when the run ends (JUnit 5.13 or newer closes stored {@link AutoCloseable}s).
 */
public final class ModelsLabEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ModelsLabEmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).map(ModelsLabEmulator::resetBeforeEachTest).orElse(true)) {
            emulator(context).reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == String.class) {
            return parameter.isAnnotated(EmulatorBaseUrl.class) || parameter.isAnnotated(EmulatorToken.class);
        }
        return type == ModelsLabClient.class || type == Emulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Emulator emulator = emulator(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Emulator.class) {
            return emulator;
        }
        if (type == ModelsLabClient.class) {
            return ModelsLabClient.builder().baseUrl(emulator.baseUrl()).token(emulator.defaultToken()).build();
        }
        return parameter.isAnnotated(EmulatorBaseUrl.class) ? emulator.baseUrl() : emulator.defaultToken();
    }

    /** The run's emulator for this class's seed, started on first use. */
    private static Emulator emulator(ExtensionContext context) {
        String seed = settings(context).map(ModelsLabEmulator::seed).orElse("");
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("emulator seeded with [" + seed + "]", key -> start(seed), Emulator.class);
    }

    private static Optional<ModelsLabEmulator> settings(ExtensionContext context) {
        for (Optional<Class<?>> type = context.getTestClass(); type.isPresent();
             type = Optional.ofNullable(type.get().getEnclosingClass())) {
            ModelsLabEmulator settings = type.get().getAnnotation(ModelsLabEmulator.class);
            if (settings != null) {
                return Optional.of(settings);
            }
        }
        return Optional.empty();
    }

    private static Emulator start(String seed) {
        Emulator.Options options = Emulator.Options.forTests();
        return Emulator.start(seed.isEmpty() ? options : options.withSeedFile(seedFile(seed)));
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
            Files.copy(resource, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
