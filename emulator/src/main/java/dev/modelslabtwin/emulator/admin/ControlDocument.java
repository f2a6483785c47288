package dev.modelslabtwin.emulator.admin;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelslabtwin.emulator.routing.ContractValidator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The control API's own OpenAPI document ({@code openapi/emulator-control.yaml} in the emulator jar):
 * its routes are the ones served, and every control request is validated against it. The validator is
 * built on the first control request, so the emulator starts no slower for having a control API.
 */
public final class ControlDocument {

    public static final String RESOURCE = "openapi/emulator-control.yaml";

    /** One operation of the document: how it is routed and which handler answers it. */
    public record Operation(String method, String path, String operationId) {
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String yaml;
    private final JsonNode tree;
    private volatile ContractValidator validator;

    private ControlDocument(String yaml) {
        this.yaml = yaml;
        try {
            this.tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(RESOURCE + " is not YAML", e);
        }
    }

    public static ControlDocument load() {
        try (InputStream in = ControlDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the emulator jar");
            }
            return new ControlDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String yaml() {
        return yaml;
    }

    public JsonNode tree() {
        return tree;
    }

    /** The path every route is under, from the document's server: {@code /_emulator}. */
    public String basePath() {
        return tree.path("servers").path(0).path("url").asText();
    }

    /** Every operation, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = tree.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            op.getValue().path("operationId").asText()));
                }
            }
        }
        return operations;
    }

    /** A validator of requests and responses against this document, served under its base path. */
    public OpenApiInteractionValidator.Builder validatorBuilder() {
        return OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
                .withBasePathOverride(basePath())
                .withResolveCombinators(true);
    }

    ContractValidator requestValidator() {
        ContractValidator current = validator;
        if (current == null) {
            synchronized (this) {
                if (validator == null) {
                    validator = new ContractValidator(validatorBuilder());
                }
                current = validator;
            }
        }
        return current;
    }
}
