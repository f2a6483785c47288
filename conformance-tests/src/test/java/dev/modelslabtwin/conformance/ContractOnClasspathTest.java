package dev.modelslabtwin.conformance;

import dev.modelslabtwin.openapi.Contract;
import dev.modelslabtwin.openapi.lint.Operations;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Placeholder until the conformance suite exists: the suite will compute its operation coverage
 * from the packaged contract, so it must find that contract, with its operations, on its classpath.
 */
class ContractOnClasspathTest {

    @Test
    void thePackagedContractIsAvailableToComputeCoverageFrom() {
        assertTrue(Operations.count(Contract.openApi()) >= 44, "the contract lists every operation of the API");
    }
}
