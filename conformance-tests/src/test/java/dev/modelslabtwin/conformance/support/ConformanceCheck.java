package dev.modelslabtwin.conformance.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks a class of the conformance suite: it runs against the run's target, and is skipped with the
 * reason (never failed, never passed) when that target cannot be checked, e.g. a live server and no
 * token. The coverage gate only judges runs that include every class so marked.
 */
@java.lang.annotation.Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("conformance")
@ExtendWith(ConformanceCheck.TargetReady.class)
public @interface ConformanceCheck {

    /** Skips each test when the target is not ready, so every one is reported skipped, with the reason. */
    final class TargetReady implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            Target.current().assumeReady();
        }
    }
}
