package dev.modelslabtwin.conformance.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the run saw: every request the contract filter checked, attributed to its operation and to the
 * test that made it, plus the other checks (recorded answers, generated cases). Coverage and the
 * summary are computed from here, leaving out what failed tests saw: a test that fails proves nothing.
 */
public final class Exchanges {

    /** One request and its answer as the filter saw them; {@code problems} is empty when it kept the contract. */
    public record Exchange(String operationId, String method, String path, int status, List<String> problems,
                           String testId) {

        public boolean conforms() {
            return problems.isEmpty();
        }
    }

    /** A check that is not one request, e.g. a recorded answer validated offline; {@code kind} refines the category. */
    public record Check(String category, String kind, String operationId, boolean passed, String testId) {
    }

    private static final Exchanges GLOBAL = new Exchanges();
    private static final ThreadLocal<String> CURRENT_TEST = new ThreadLocal<>();

    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final List<Check> checks = Collections.synchronizedList(new ArrayList<>());
    private final List<Observation> observations = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> failedTests = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lastOperationOfTest = new ConcurrentHashMap<>();
    private final Map<String, String> testNames = new ConcurrentHashMap<>();
    private final Map<String, String> skipped = Collections.synchronizedMap(new LinkedHashMap<>());

    /** The recorder of the run; a check of the suite itself (see BrokenTargetIsCaughtTest) uses its own. */
    public static Exchanges global() {
        return GLOBAL;
    }

    public static Exchanges isolated() {
        return new Exchanges();
    }

    static void testStarted(String testId, String name) {
        CURRENT_TEST.set(testId);
        GLOBAL.testNames.put(testId, name);
    }

    static void testFinished(String testId, boolean failed, String skipReason) {
        if (failed) {
            GLOBAL.failedTests.add(testId);
        }
        if (skipReason != null) {
            GLOBAL.skipped.put(GLOBAL.testNames.getOrDefault(testId, testId), skipReason);
        }
        CURRENT_TEST.remove();
    }

    static String currentTest() {
        String test = CURRENT_TEST.get();
        return test == null ? "(outside a test)" : test;
    }

    public void record(Exchange exchange) {
        exchanges.add(exchange);
        if (exchange.operationId() != null) {
            lastOperationOfTest.put(exchange.testId(), exchange.operationId());
        }
    }

    public void check(String category, String kind, String operationId, boolean passed) {
        checks.add(new Check(category, kind, operationId, passed, currentTest()));
        if (operationId != null) {
            lastOperationOfTest.put(currentTest(), operationId);
        }
    }

    /**
     * What the running check found about a behaviour, error code or field rule: confirmed when
     * {@code failure} is null, not exercised when it is an assumption that did not hold, contradicted
     * otherwise, with the failure's message as what the target answered.
     */
    public void observe(Observation.Subject subject, String name, Throwable failure) {
        observations.add(new Observation(subject, name, GLOBAL.testName(currentTest()), Observation.of(failure),
                Observation.detailOf(failure)));
    }

    void observe(Observation observation) {
        observations.add(observation);
    }

    /**
     * Runs {@code check} as the verification of {@code behaviours} (for checks that are not a test
     * method of their own, such as dynamic tests) and records its outcome for each; what it throws is
     * thrown on.
     */
    public void verifying(List<String> behaviours, Runnable check) {
        Throwable failure = null;
        try {
            check.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            for (String behaviour : behaviours) {
                observe(Observation.Subject.BEHAVIOUR, behaviour, failure);
            }
        }
    }

    public List<Observation> observations() {
        synchronized (observations) {
            return List.copyOf(observations);
        }
    }

    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    public List<Check> checks() {
        synchronized (checks) {
            return List.copyOf(checks);
        }
    }

    public Set<String> failedTests() {
        return Set.copyOf(failedTests);
    }

    public String testName(String testId) {
        return testNames.getOrDefault(testId, testId);
    }

    /** The operation a failed test called last: where its failure is counted. */
    public String lastOperationOf(String testId) {
        return lastOperationOfTest.get(testId);
    }

    /** Tests skipped by an assumption, with the reason they gave. */
    public Map<String, String> skipped() {
        synchronized (skipped) {
            return Map.copyOf(skipped);
        }
    }
}
