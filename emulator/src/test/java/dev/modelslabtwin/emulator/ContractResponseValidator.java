package dev.modelslabtwin.emulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.modelslabtwin.emulator.routing.ContractValidator;

import java.util.List;

/** Holds an emulator answer to the bundled contract: status, envelope schema and required headers. */
public final class ContractResponseValidator {

    private static final OpenApiInteractionValidator VALIDATOR = ContractValidator.forContract().build();

    private ContractResponseValidator() {
    }

    /** Every way the answer breaks the contract; empty when it keeps it. */
    public static List<String> violations(String method, String apiPath, TestHttp.Answer answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status()).withBody(answer.body());
        answer.headers().forEach(response::withHeader);
        ValidationReport report = VALIDATOR.validateResponse(ContractValidator.BASE_PATH + apiPath,
                Request.Method.valueOf(method), response.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }
}
