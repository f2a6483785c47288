package dev.modelslabtwin.conformance.support;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The suite's eye on every request: the Atlassian validator's Rest-Assured filter checks request and
 * answer (status, content type, headers, body) against the contract; on top of it this filter refuses
 * any 5xx and any error code the contract does not document for the status, attributes the exchange to
 * its operation and records it. A broken answer fails the test with everything needed to see why.
 */
final class ConformanceFilter implements Filter {

    private static final String ANSWER = "conformance.answer";

    private final ContractIndex contract;
    private final String apiBasePath;
    private final String rootPath;
    private final Exchanges exchanges;
    private final boolean requestsChecked;

    /** With {@code requestsChecked} false, requests are meant to break the contract: only answers are judged. */
    ConformanceFilter(ContractIndex contract, String apiBasePath, String rootPath, Exchanges exchanges, boolean requestsChecked) {
        this.contract = contract;
        this.apiBasePath = apiBasePath;
        this.rootPath = rootPath;
        this.exchanges = exchanges;
        this.requestsChecked = requestsChecked;
    }

    /** The filters, outermost first: this one, the validator's, and one that hands the raw answer back. */
    static List<Filter> chain(ConformanceFilter conformance, OpenApiValidationFilter validation) {
        return List.of(conformance, validation, (request, response, context) -> {
            Response answer = context.next(request, response);
            context.setValue(ANSWER, answer);
            return answer;
        });
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        String path = request.getDerivedPath();
        String apiPath = path.startsWith(apiBasePath) ? path.substring(apiBasePath.length())
                : path.startsWith(rootPath) ? path.substring(rootPath.length()) : path;
        Optional<ContractOperation> operation = contract.resolve(request.getMethod(), apiPath);
        List<String> problems = new ArrayList<>();
        Response answer;
        try {
            answer = context.next(request, responseSpec);
        } catch (OpenApiValidationFilter.OpenApiValidationException invalid) {
            answer = context.getValue(ANSWER);
            invalid.getValidationReport().getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .filter(m -> requestsChecked || !m.getKey().startsWith("validation.request"))
                    .forEach(m -> problems.add(describe(m)));
            if (answer == null) {
                throw invalid;
            }
        }
        if (operation.isEmpty()) {
            problems.add("no operation of the contract is " + request.getMethod() + " " + apiPath);
        }
        int status = answer.statusCode();
        if (status < 400 && operation.isPresent() && !operation.get().declares(status)) {
            // The validator lets any status through that matches `default`; a success must be declared.
            problems.add("status " + status + " is not declared for " + operation.get().operationId()
                    + " (declared: " + operation.get().declaredStatuses() + ")");
        }
        if (status >= 500) {
            problems.add("answered " + status + ": no request may cause a server error");
        }
        if (status >= 400 && operation.isPresent()) {
            errorCodeProblem(operation.get(), status, answer.asString()).ifPresent(problems::add);
        }
        exchanges.record(new Exchanges.Exchange(operation.map(ContractOperation::operationId).orElse(null),
                request.getMethod(), apiPath, status, List.copyOf(problems), Exchanges.currentTest()));
        if (!problems.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + apiPath + " answered " + status
                    + " outside the contract:\n  - " + String.join("\n  - ", problems)
                    + "\nbody: " + abbreviate(answer.asString()));
        }
        return answer;
    }

    /** An error answer must carry a code the contract documents for that status (or for {@code default}). */
    private static Optional<String> errorCodeProblem(ContractOperation operation, int status, String body) {
        JsonNode code = Json.parse(body).path("error").path("code");
        Set<String> documented = operation.documentedErrorCodes(status);
        if (!code.isTextual()) {
            return Optional.of("an error answer without error.code");
        }
        if (!documented.contains(code.asText())) {
            return Optional.of("error.code " + code.asText() + " is not documented for " + status + " on "
                    + operation.operationId() + " (documented: " + documented + ")");
        }
        return Optional.empty();
    }

    private static String describe(ValidationReport.Message message) {
        String where = message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(p -> " at " + p.getInstance())
                .orElse("");
        return message.getKey() + where + ": " + message.getMessage();
    }

    static String abbreviate(String text) {
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "…";
    }
}
