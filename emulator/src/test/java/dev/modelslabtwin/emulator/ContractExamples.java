package dev.modelslabtwin.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.routing.ContractValidator;
import dev.modelslabtwin.emulator.routing.Json;
import dev.modelslabtwin.openapi.Contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The contract's operations as the tests need them: route, request example and success example. */
public final class ContractExamples {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final JsonNode DOCUMENT = read();
    private static final List<Operation> OPERATIONS = readOperations();
    private static final Map<String, Operation> BY_ID = OPERATIONS.stream()
            .collect(Collectors.toUnmodifiableMap(Operation::operationId, operation -> operation));

    /**
     * One operation of the bundled document; {@code basePath} is what its path is relative to: the
     * API's base, or its path item's own server (empty for the site root).
     */
    public record Operation(String method, String path, String operationId, JsonNode node, String basePath) {

        /** Whether a path (relative to this operation's base) is one of this operation's. */
        boolean matches(String relativePath) {
            return relativePath.matches(path.replaceAll("\\{[^/}]+}", "[^/]+"));
        }

        /** The success example the contract gives first, e.g. the published one. */
        public JsonNode successExample() {
            Iterator<Map.Entry<String, JsonNode>> responses = node.path("responses").fields();
            while (responses.hasNext()) {
                Map.Entry<String, JsonNode> response = responses.next();
                if (response.getKey().startsWith("2")) {
                    return firstExample(response.getValue().path("content").path("application/json"))
                            .orElseThrow(() -> new IllegalStateException(operationId + " has no success example"));
                }
            }
            throw new IllegalStateException(operationId + " has no success response");
        }

        public Optional<JsonNode> requestExample() {
            return firstExample(node.path("requestBody").path("content").path("application/json"));
        }

        /** The path with every parameter replaced by its example. */
        public String examplePath() {
            String concrete = path;
            for (JsonNode parameter : parameters()) {
                if ("path".equals(parameter.path("in").asText())) {
                    concrete = concrete.replace("{" + parameter.path("name").asText() + "}", parameter.path("example").asText());
                }
            }
            return concrete;
        }

        private List<JsonNode> parameters() {
            List<JsonNode> resolved = new ArrayList<>();
            for (JsonNode parameter : node.path("parameters")) {
                resolved.add(resolve(parameter));
            }
            return resolved;
        }
    }

    private ContractExamples() {
    }

    public static List<Operation> operations() {
        return OPERATIONS;
    }

    /**
     * The path from the host root of a request for {@code apiPath}, as the contract places it: under the
     * API's base, or at the site root for an operation whose path item says so (the verification link).
     */
    public static String fromRoot(String apiPath) {
        String pathOnly = apiPath.contains("?") ? apiPath.substring(0, apiPath.indexOf('?')) : apiPath;
        return OPERATIONS.stream().filter(op -> !op.basePath().equals(ContractValidator.BASE_PATH) && op.matches(pathOnly))
                .findFirst().map(op -> op.basePath() + apiPath).orElse(ContractValidator.BASE_PATH + apiPath);
    }

    public static Operation operation(String operationId) {
        Operation operation = BY_ID.get(operationId);
        if (operation == null) {
            throw new IllegalArgumentException("no operation " + operationId);
        }
        return operation;
    }

    private static List<Operation> readOperations() {
        List<Operation> operations = new ArrayList<>();
        DOCUMENT.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                String base = path.getValue().has("servers")
                        ? URI.create(path.getValue().path("servers").path(0).path("url").asText()).getPath().replaceAll("/+$", "")
                        : ContractValidator.BASE_PATH;
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(),
                        op.getValue().path("operationId").asText(), op.getValue(), base));
            }
        }));
        return List.copyOf(operations);
    }

    private static Optional<JsonNode> firstExample(JsonNode media) {
        Iterator<JsonNode> examples = media.path("examples").elements();
        return examples.hasNext() ? Optional.of(resolve(examples.next()).path("value")) : Optional.empty();
    }

    private static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        return DOCUMENT.at(node.get("$ref").asText().substring(1));
    }

    private static JsonNode read() {
        try {
            // The emulator's mapper keeps 75.50 as 75.50, as amounts read from the database are.
            return Json.MAPPER.readTree(Contract.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
