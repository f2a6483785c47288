package dev.modelslabtwin.conformance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * The behaviours of the contract (ids of its {@code x-behaviours}) a test verifies: the parity page
 * lists the test under each, and the provenance report counts its outcome as the target confirming
 * the behaviour (the test passed), contradicting it (it failed, with what the target answered), or
 * not exercising it (it was skipped, with why). Write the ids as string literals: the contract's build
 * reads them from this source, and {@code ParityIndexTest} holds what it read to the compiled annotations.
 */
@java.lang.annotation.Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Verifies {

    /** The behaviour ids, e.g. {@code "fundWallet.three-d-secure-202"}. */
    String[] value();

    /** The ids a method declares, for a test factory whose dynamic tests record what they verify themselves. */
    final class Of {

        private Of() {
        }

        public static java.util.List<String> method(Class<?> type, String name) {
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.isAnnotationPresent(Verifies.class)) {
                    return java.util.List.of(method.getAnnotation(Verifies.class).value());
                }
            }
            throw new IllegalArgumentException(type.getSimpleName() + "." + name + " is not marked @Verifies");
        }
    }
}
