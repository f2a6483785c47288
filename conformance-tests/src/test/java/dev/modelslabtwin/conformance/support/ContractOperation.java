package dev.modelslabtwin.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelslabtwin.openapi.lint.Operations;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** One operation of the contract and the facts the suite reads from it. */
public record ContractOperation(
        String operationId,
        String method,
        String path,
        Pattern pathPattern,
        int literalSegments,
        Operation operation,
        boolean secured,
        String requiredScope,
        String rateLimiter,
        boolean atSiteRoot) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ContractOperation of(OpenAPI document, String method, String path, PathItem item, Operation operation) {
        String[] segments = path.substring(1).split("/");
        int literal = 0;
        StringBuilder regex = new StringBuilder();
        for (String segment : segments) {
            regex.append('/');
            if (segment.startsWith("{")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(segment));
                literal++;
            }
        }
        Map<String, Object> extensions = operation.getExtensions() == null ? Map.of() : operation.getExtensions();
        Object scope = extensions.get("x-required-scope");
        Object limiter = extensions.get("x-rate-limiter");
        return new ContractOperation(operation.getOperationId(), method.toUpperCase(), path,
                Pattern.compile(regex.toString()), literal, operation, Operations.isSecured(document, operation),
                scope == null ? null : scope.toString(), limiter == null ? null : limiter.toString(),
                !Operations.basePath(document, item).equals(Operations.basePath(document, new PathItem())));
    }

    /** {@code GET /wallet/balance}. */
    public String signature() {
        return method + " " + path;
    }

    public Impact impact() {
        return Impact.of(this);
    }

    /** Whether the contract declares this exact status (not only through {@code default}). */
    public boolean declares(int status) {
        return operation.getResponses().containsKey(Integer.toString(status));
    }

    /** The HTTP statuses the contract declares, {@code default} left out. */
    public Set<Integer> declaredStatuses() {
        Set<Integer> statuses = new LinkedHashSet<>();
        operation.getResponses().keySet().stream().filter(k -> k.matches("\\d{3}")).map(Integer::valueOf).forEach(statuses::add);
        return statuses;
    }

    /**
     * The {@code error.code} values the contract documents for {@code status} on this operation (the
     * response's {@code x-error-codes}), those of {@code default} when the status is not declared.
     */
    public Set<String> documentedErrorCodes(int status) {
        ApiResponse response = operation.getResponses().get(Integer.toString(status));
        if (response == null) {
            response = operation.getResponses().getDefault();
        }
        Set<String> codes = new LinkedHashSet<>();
        if (response != null && response.getExtensions() != null
                && response.getExtensions().get("x-error-codes") instanceof List<?> list) {
            list.forEach(code -> codes.add(code.toString()));
        }
        return codes;
    }

    public List<Parameter> parameters() {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    public boolean takesBody() {
        return operation.getRequestBody() != null;
    }

    public boolean bodyRequired() {
        return takesBody() && Boolean.TRUE.equals(operation.getRequestBody().getRequired());
    }

    @SuppressWarnings("rawtypes")
    public Optional<Schema> bodySchema() {
        return jsonMedia().map(MediaType::getSchema);
    }

    /** The request body's first example in the contract: the valid baseline generated cases start from. */
    public Optional<JsonNode> bodyExample() {
        return jsonMedia().flatMap(media -> {
            if (media.getExamples() != null && !media.getExamples().isEmpty()) {
                Example first = media.getExamples().values().iterator().next();
                return Optional.of(JSON.valueToTree(first.getValue()));
            }
            return Optional.ofNullable(media.getExample()).map(JSON::valueToTree);
        });
    }

    /** A parameter's example from the contract (its own, else its schema's). */
    public static Optional<String> example(Parameter parameter) {
        Object example = parameter.getExample() != null ? parameter.getExample()
                : parameter.getSchema() == null ? null : parameter.getSchema().getExample();
        return Optional.ofNullable(example).map(Object::toString);
    }

    /** The path with each template filled from its parameter's contract example. */
    public String examplePath() {
        String filled = path;
        for (Parameter parameter : parameters()) {
            if (parameter.getIn().equals("path")) {
                filled = filled.replace("{" + parameter.getName() + "}", example(parameter).orElse("1"));
            }
        }
        return filled;
    }

    private Optional<MediaType> jsonMedia() {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(operation.getRequestBody().getContent().get("application/json"));
    }
}
