package dev.modelslabtwin.conformance;

import dev.modelslabtwin.conformance.support.Verifies;
import dev.modelslabtwin.openapi.provenance.ConformanceChecks;
import dev.modelslabtwin.openapi.provenance.Parity;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parity page's "checks" column is this suite: the index the contract's build read from these
 * sources ({@code @Verifies} string literals) is what the compiled annotations say, every id names a
 * behaviour of the contract, and every behaviour the contract marks inferred or emulator has a check,
 * so a live run can confirm or contradict each guess. Needs no target: it reads the suite itself.
 */
class ParityIndexTest {

    private final Parity parity = Parity.packaged();

    @Test
    void theIndexOnTheParityPageIsWhatTheSuiteAnnotates() {
        Map<String, List<String>> compiled = compiledIndex();

        assertEquals(compiled, ConformanceChecks.packaged().all(),
                "the packaged index (read from the sources at build time) differs from the compiled @Verifies: "
                        + "write the ids as string literals, and rebuild the openapi module");
    }

    @Test
    void everyVerifiedIdIsABehaviourOfTheContract() {
        Set<String> unknown = new TreeSet<>(compiledIndex().keySet());
        parity.behaviours().forEach(behaviour -> unknown.remove(behaviour.id()));

        assertEquals(Set.of(), unknown, "@Verifies names behaviours the contract does not have");
    }

    @Test
    void everyGuessHasAConformanceCheck() {
        Set<String> compiled = compiledIndex().keySet();
        String unchecked = parity.behaviours().stream()
                .filter(b -> b.provenance().kind().isGuess() && !compiled.contains(b.id()))
                .map(b -> b.id() + " (" + b.provenance().kind().label() + ")").collect(Collectors.joining(", "));

        assertTrue(unchecked.isEmpty(), "inferred and emulator behaviours without a conformance check: " + unchecked);
    }

    /** Behaviour id to {@code TestClass.testMethod}, sorted, from every class of this suite. */
    private static Map<String, List<String>> compiledIndex() {
        Map<String, List<String>> index = new TreeMap<>();
        for (Class<?> type : ReflectionSupport.findAllClassesInPackage(ParityIndexTest.class.getPackageName(), c -> true, n -> true)) {
            for (Method method : type.getDeclaredMethods()) {
                Verifies verifies = method.getAnnotation(Verifies.class);
                if (verifies != null) {
                    for (String id : verifies.value()) {
                        index.computeIfAbsent(id, k -> new ArrayList<>()).add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        index.values().forEach(checks -> checks.sort(null));
        return index;
    }
}
