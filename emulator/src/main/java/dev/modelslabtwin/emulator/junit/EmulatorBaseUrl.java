package dev.modelslabtwin.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@code String} parameter: the emulator's host root, e.g. {@code http://127.0.0.1:41234} ({@code MODELSLAB_BASE_URL}). */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmulatorBaseUrl {
}
