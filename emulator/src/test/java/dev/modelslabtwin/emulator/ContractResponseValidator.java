package dev.modelslabtwin.emulator;

import dev.modelslabtwin.emulator.routing.ContractValidator;

import java.util.List;

/** Holds an emulator answer to the bundled contract: status, envelope schema and required headers. */
public final class ContractResponseValidator {

    private ContractResponseValidator() {
    }

    /** Every way the answer breaks the contract; empty when it keeps it (the emulator's own check, from outside). */
    public static List<String> violations(String method, String apiPath, TestHttp.Answer answer) {
        return ContractValidator.forApi().join().responseViolations(method, ContractExamples.fromRoot(apiPath),
                answer.status(), answer.headers(), answer.body());
    }
}
