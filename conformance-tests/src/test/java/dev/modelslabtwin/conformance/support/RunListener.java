package dev.modelslabtwin.conformance.support;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the run (registered through {@code META-INF/services}): tells the recorder which test is
 * running, which failed and which were skipped and why, and at the end prints and writes the summary
 * and stops the in-process emulator.
 */
public final class RunListener implements TestExecutionListener {

    private static final Set<String> PLANNED_CLASSES = ConcurrentHashMap.newKeySet();
    private static volatile boolean gateRan;

    private TestPlan plan;

    /** The test classes this run selected. */
    public static Set<String> plannedClasses() {
        return Set.copyOf(PLANNED_CLASSES);
    }

    /** Called by the coverage gate, so the summary can say whether coverage was judged. */
    public static void gateRan() {
        gateRan = true;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        PLANNED_CLASSES.clear();
        testPlan.getRoots().forEach(root -> testPlan.getDescendants(root).forEach(id -> id.getSource()
                .filter(ClassSource.class::isInstance)
                .ifPresent(source -> PLANNED_CLASSES.add(((ClassSource) source).getClassName()))));
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (identifier.isTest()) {
            Exchanges.testStarted(identifier.getUniqueId(), name(identifier));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        Exchanges.testStarted(identifier.getUniqueId(), name(identifier));
        observeVerifiedBehaviours(identifier, Observation.Outcome.NOT_EXERCISED, reason);
        Exchanges.testFinished(identifier.getUniqueId(), false, reason);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        String skipReason = result.getStatus() == TestExecutionResult.Status.ABORTED
                ? result.getThrowable().map(Throwable::getMessage).orElse("aborted") : null;
        if (identifier.isTest()) {
            Throwable failure = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? null
                    : result.getThrowable().orElseGet(() -> new AssertionError(result.getStatus().name()));
            observeVerifiedBehaviours(identifier, Observation.of(failure), Observation.detailOf(failure));
        }
        if (identifier.isTest() || skipReason != null) {
            Exchanges.testFinished(identifier.getUniqueId(), result.getStatus() == TestExecutionResult.Status.FAILED, skipReason);
        }
    }

    /**
     * The outcome of a test method marked {@link Verifies}, for each behaviour it names. Dynamic tests
     * have no method of their own: their factories record what each case verifies themselves.
     */
    private void observeVerifiedBehaviours(TestIdentifier identifier, Observation.Outcome outcome, String detail) {
        identifier.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(source -> source.getJavaMethod().getAnnotation(Verifies.class))
                .ifPresent(verifies -> {
                    for (String behaviour : verifies.value()) {
                        Exchanges.global().observe(new Observation(Observation.Subject.BEHAVIOUR, behaviour, name(identifier),
                                outcome, detail));
                    }
                });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Target.started().isPresent()) {
            Summary.report(Target.current(), Exchanges.global(), gateRan);
            ProvenanceReport.report(Target.current(), Exchanges.global());
            Target.stop();
        }
    }

    private String name(TestIdentifier identifier) {
        Optional<MethodSource> method = identifier.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        if (method.isPresent()) {
            String className = method.get().getClassName();
            return className.substring(className.lastIndexOf('.') + 1) + "." + method.get().getMethodName();
        }
        String display = identifier.getDisplayName();
        Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(identifier);
        return parent.map(p -> name(p) + " › " + display).orElse(display);
    }
}
