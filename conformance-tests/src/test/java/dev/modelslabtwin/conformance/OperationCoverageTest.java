package dev.modelslabtwin.conformance;

import dev.modelslabtwin.conformance.support.ConformanceCheck;
import dev.modelslabtwin.conformance.support.ContractIndex;
import dev.modelslabtwin.conformance.support.Coverage;
import dev.modelslabtwin.conformance.support.Exchanges;
import dev.modelslabtwin.conformance.support.RunListener;
import dev.modelslabtwin.conformance.support.Target;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coverage gate, run after every other class: from the exchanges the contract filter recorded, each
 * operation of the contract (read with Swagger Parser) must have answered a conforming 2xx and a
 * conforming 4xx in tests that passed. Prints the table either way.
 */
@ConformanceCheck
@Order(Integer.MAX_VALUE)
class OperationCoverageTest {

    private final Target target = Target.current();

    @Test
    void everyOperationOfTheContractAnsweredASuccessAndARefusal() {
        Set<String> missingClasses = new TreeSet<>(suiteClasses());
        missingClasses.removeAll(RunListener.plannedClasses());
        Assumptions.assumeTrue(missingClasses.isEmpty(),
                () -> "coverage is judged on whole runs; this one left out " + missingClasses);
        RunListener.gateRan();
        List<Coverage.Row> rows = Coverage.of(ContractIndex.get(), Exchanges.global());
        System.out.println(Coverage.table(rows));
        String uncovered = rows.stream().filter(r -> !r.covered())
                .map(r -> r.operation().operationId() + " (" + r.missing() + ")").collect(Collectors.joining(", "));
        Assumptions.assumeTrue(target.isEmulator() || uncovered.isEmpty(), () -> "against a live server only what the run's "
                + "flags allow is exercised; not covered: " + uncovered);
        assertTrue(uncovered.isEmpty(), rows.stream().filter(r -> !r.covered()).count() + " of " + rows.size()
                + " operations not covered: " + uncovered);
    }

    /** Every class of the suite: those in this package marked {@link ConformanceCheck}. */
    private static Set<String> suiteClasses() {
        try {
            Path here = Path.of(OperationCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(OperationCoverageTest.class.getPackageName().replace('.', '/'));
            try (Stream<Path> files = Files.list(here)) {
                Set<String> classes = new TreeSet<>();
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$")) {
                        Class<?> type = Class.forName(OperationCoverageTest.class.getPackageName() + "." + name.replace(".class", ""));
                        if (type.isAnnotationPresent(ConformanceCheck.class)) {
                            classes.add(type.getName());
                        }
                    }
                }
                return classes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
